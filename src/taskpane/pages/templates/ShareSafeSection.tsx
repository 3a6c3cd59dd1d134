import { useState } from 'react';
import {
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ShieldLockRegular } from '@fluentui/react-icons';
import type { ShareSafeCopyResult } from '../../../host/workbook-host';
import type { Lang } from '../../../sheets/core/sheet-spec';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TaskStatus } from '../../components/TaskStatus';
import { useTask } from '../../components/use-task';
import { WrittenSheets } from '../../components/WrittenSheets';
import type { Services } from '../../app/services';

import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  button: { alignSelf: 'flex-start' },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "Share without personal information": copies the sheets whose personal columns hold
 * something, with those columns emptied (WorkbookHost.makeShareSafeCopy), after a confirmation.
 * Shown only when the host can do it.
 */
export function ShareSafeSection({ services, lang }: { services: Services; lang: Lang }) {
  const { t } = useI18n();
  const styles = useStyles();
  const section = useSectionStyles();
  const task = useTask();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ShareSafeCopyResult | null>(null);
  const host = services.host;
  if (!host.makeShareSafeCopy) return null;

  const make = () => {
    setAsking(false);
    setResult(null);
    void task.run(t('shareSafeWorking'), async (ctx) => {
      setResult(await host.makeShareSafeCopy!(lang, ctx.signal));
    });
  };

  const copies = result?.copies ?? [];
  return (
    <section className={section.root} aria-labelledby="share-safe-title">
      <Body1Strong as="h2" id="share-safe-title" style={{ margin: 0 }}>
        {t('shareSafeTitle')}
      </Body1Strong>
      <Caption1 className={section.intro}>{t('shareSafeIntro')}</Caption1>
      <Button className={styles.button} icon={<ShieldLockRegular />} onClick={() => setAsking(true)} disabled={task.running}>
        {t('shareSafeButton')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('shareSafeConfirmTitle')}
        confirmLabel={t('shareSafeConfirm')}
        onConfirm={make}
        onCancel={() => setAsking(false)}
      >
        {t('shareSafeConfirmBody')}
      </ConfirmDialog>
      <TaskStatus task={task} />
      {result && copies.length > 0 && (
        <MessageBar intent="success" layout="multiline" data-testid="share-safe-result">
          <MessageBarBody>
            <MessageBarTitle>{t('shareSafeDone', { count: copies.length })}</MessageBarTitle>
            <ul className={styles.lines}>
              {copies.map((c) => (
                <li key={c.copy}>{t('shareSafeCopyLine', { copy: c.copy, source: c.source, cells: c.cells, notes: c.notes })}</li>
              ))}
            </ul>
            {result.alreadySafe.length > 0 && <div>{t('shareSafeAlreadySafe', { sheets: result.alreadySafe.join(t('listSeparator')) })}</div>}
            <div>{t(services.preview ? 'shareSafeClearedPreview' : 'shareSafeClearedExcel')}</div>
            <div>{t(services.preview ? 'shareSafePreviewHint' : 'shareSafeMoveHint')}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {result && copies.length === 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="share-safe-result">
          <MessageBarBody>
            {result.alreadySafe.length > 0 ? t('shareSafeAlreadySafe', { sheets: result.alreadySafe.join(t('listSeparator')) }) : t('shareSafeNone')}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && copies.length > 0 && result.notesUnchecked && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('shareSafeNotesUnchecked')}</MessageBarBody>
        </MessageBar>
      )}
      {result && copies.length > 0 && result.propertiesKept && (
        <MessageBar intent="warning" layout="multiline" data-testid="share-safe-properties">
          <MessageBarBody>{t('shareSafePropertiesKept')}</MessageBarBody>
        </MessageBar>
      )}
      {result && copies.length > 0 && services.preview && (
        <WrittenSheets key={copies.map((c) => c.copy).join('|')} services={services} names={copies.map((c) => c.copy)} fileBase={copies[0].copy} />
      )}
    </section>
  );
}
