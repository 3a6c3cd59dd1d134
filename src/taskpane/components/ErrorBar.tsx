import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, DismissRegular } from '@fluentui/react-icons';
import { useI18n } from '../app/i18n';
import { describeError } from './describe-error';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  pre: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    maxHeight: '8rem',
    overflowY: 'auto',
    fontSize: tokens.fontSizeBase100,
    fontFamily: tokens.fontFamilyMonospace,
    margin: 0,
  },
});

/** What happened, what to do, and details to copy for support. */
export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const d = describeError(error, t);
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => setCopied(await copyText(d.details));
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{d.title}</MessageBarTitle>
        <div>{d.action}</div>
        {/* When copying failed the details are opened, to be selected and copied by hand. */}
        <details className={styles.details} open={copied === false || undefined}>
          <summary>{t('errDetails')}</summary>
          <pre className={styles.pre}>{d.details}</pre>
        </details>
        {copied === false && <div role="status">{t('copyFailed')}</div>}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          onDismiss ? (
            <Button appearance="transparent" icon={<DismissRegular />} aria-label={t('dismiss')} onClick={onDismiss} />
          ) : undefined
        }
      >
        <Button size="small" icon={<CopyRegular />} onClick={copy}>
          {copied ? t('copied') : t('copyDetails')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Office's web views may deny the Clipboard API: the old selection copy is tried instead,
    // and if that fails too the user is told.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      // Reported to the user as "could not copy" (the caller shows it); the cause is logged.
      console.warn('Account Planner: copying the error details failed', e);
    }
    area.remove();
    return ok;
  }
}
