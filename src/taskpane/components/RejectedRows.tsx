import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../app/i18n';
import type { RejectedRow } from '../services/computation';

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: '10rem',
    overflowY: 'auto',
  },
});

/** Rows the engine skipped, each with the row number the user sees in the sheet and the reason. */
export function RejectedRows({ count, rows }: { count: number; rows: RejectedRow[] }) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  if (count === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="rejected-rows">
      <MessageBarBody>
        <MessageBarTitle>{t('rejectedTitle', { count: formatNumber(count, 0) })}</MessageBarTitle>
        {t('rejectedBody')}
        <details>
          <summary>{t('rejectedShow')}</summary>
          <ul className={styles.list} tabIndex={0} aria-label={t('rejectedList')}>
            {rows.map((r) => (
              <li key={`${r.row}:${r.reason}`}>{t('rejectedRow', { row: r.row, reason: r.reason })}</li>
            ))}
          </ul>
          {count > rows.length && <div>{t('rejectedMore', { count: formatNumber(count - rows.length, 0) })}</div>}
        </details>
      </MessageBarBody>
    </MessageBar>
  );
}
