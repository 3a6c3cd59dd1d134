import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from '../../app/i18n';
import type { AbcSummary } from '../../services/abc-service';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  numHead: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  share: { display: 'block', color: tokens.colorNeutralForeground2 },
  tier: { fontWeight: tokens.fontWeightSemibold, width: '3rem' },
});

/** Per tier: customers and their share, value and its share — what will be written. */
export function TierSummary({ summary }: { summary: AbcSummary }) {
  const { t, formatNumber, formatPercent } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Table size="extra-small" className={styles.table} aria-label={t('abcSummaryTable')} data-testid="abc-summary">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.tier}>{t('abcTier')}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{t('abcCustomers')}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{t('abcValue')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.tiers.map((r) => (
            <TableRow key={r.tier} data-tier={r.tier} data-customers={r.customers} data-value={r.value}>
              <TableCell className={styles.tier}>{r.tier}</TableCell>
              <TableCell className={styles.num}>
                {formatNumber(r.customers, 0)}
                <span className={styles.share}>{formatPercent(r.customerShare)}</span>
              </TableCell>
              <TableCell className={styles.num}>
                {formatNumber(r.value, 2)}
                <span className={styles.share}>{formatPercent(r.valueShare)}</span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 data-testid="abc-total" data-total={summary.total}>
        {t('abcTotal', {
          total: formatNumber(summary.total, 2),
          customers: formatNumber(summary.positiveCustomers, 0),
        })}
      </Caption1>
      {summary.nonPositive > 0 && (
        <Caption1>{t('abcNonPositive', { count: formatNumber(summary.nonPositive, 0) })}</Caption1>
      )}
    </div>
  );
}
