import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../app/i18n';
import type { AbcSummary, Tier } from '../../services/abc-service';

const MAX_BARS = 40;
const W = 300;
const H = 140;
const PAD = { left: 4, right: 30, top: 8, bottom: 8 };

const TIER_COLOR: Record<Tier, string> = {
  A: tokens.colorPaletteGreenBackground3,
  B: tokens.colorPaletteMarigoldBackground3,
  C: tokens.colorNeutralStroke1,
};

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', maxWidth: '480px', display: 'block' },
  line: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, fill: 'none' },
  axis: { stroke: tokens.colorNeutralStroke2 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '9px' },
});

/** Bars = value (customers grouped into at most 40 bars by rank), line = cumulative share. */
export function ParetoChart({ summary }: { summary: AbcSummary }) {
  const { t, formatPercent } = useI18n();
  const styles = useStyles();
  const ranked = summary.ranked;
  if (!ranked.length || summary.total <= 0) return null;
  const per = Math.ceil(ranked.length / MAX_BARS);
  const bars: { value: number; cumulative: number; tier: Tier }[] = [];
  for (let i = 0; i < ranked.length; i += per) {
    const group = ranked.slice(i, i + per);
    bars.push({
      value: group.reduce((s, c) => s + c.value, 0),
      cumulative: group[group.length - 1].cumulative,
      tier: group[0].tier,
    });
  }
  const max = Math.max(...bars.map((b) => b.value));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const bw = iw / bars.length;
  const y = (v: number) => PAD.top + ih - (v / max) * ih;
  const yc = (c: number) => PAD.top + ih - c * ih;
  const points = bars.map((b, i) => `${PAD.left + bw * (i + 0.5)},${yc(b.cumulative)}`).join(' ');
  const a = summary.tiers.find((x) => x.tier === 'A');
  const label = t('paretoLabel', {
    customers: ranked.length,
    aCustomers: formatPercent(a?.customerShare ?? 0),
    aValue: formatPercent(a?.valueShare ?? 0),
  });
  return (
    <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      {bars.map((b, i) => (
        <rect
          key={i}
          x={PAD.left + bw * i + 0.5}
          y={y(b.value)}
          width={Math.max(bw - 1, 0.5)}
          height={PAD.top + ih - y(b.value)}
          fill={TIER_COLOR[b.tier]}
        />
      ))}
      <line className={styles.axis} x1={PAD.left} x2={PAD.left + iw} y1={PAD.top + ih} y2={PAD.top + ih} />
      <polyline className={styles.line} points={points} />
      {[0, 0.5, 1].map((c) => (
        <text key={c} className={styles.label} x={W - PAD.right + 3} y={yc(c) + 3}>
          {Math.round(c * 100)}%
        </text>
      ))}
    </svg>
  );
}
