import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import { useI18n } from '../../app/i18n';
import type { BonusSummary } from '../../services/bonus-service';

const useStyles = makeStyles({
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  numHead: { '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  rep: { overflowWrap: 'anywhere' },
});

/** Per rep: lines, eligible lines and the bonus in CNY. */
export function RepTotals({ summary }: { summary: BonusSummary }) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div>
      <Table size="extra-small" aria-label={t('bonusRepTable')} data-testid="bonus-reps">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('bonusRep')}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{t('bonusEligible')}</TableHeaderCell>
            <TableHeaderCell className={styles.numHead}>{t('bonusAmount')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.reps.map((r) => (
            <TableRow key={r.rep} data-rep={r.rep} data-bonus={r.bonus}>
              <TableCell className={styles.rep}>{r.rep}</TableCell>
              <TableCell className={styles.num}>
                {formatNumber(r.eligible, 0)}/{formatNumber(r.lines, 0)}
              </TableCell>
              <TableCell className={styles.num}>¥{money(r.bonus)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 data-testid="bonus-total" data-total={summary.total}>
        {t('bonusTotal', {
          total: money(summary.total),
          lines: formatNumber(summary.lines, 0),
          reps: summary.reps.length,
        })}
      </Caption1>
    </div>
  );
}
