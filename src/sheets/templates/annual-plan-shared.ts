import catalog from '../../i18n/templates/annual-plan';
import { translator } from '../../i18n/define';
import type { Lang } from '../core/sheet-spec';
import { COLORS } from '../core/styles';

/** What the annual plan's three sheets share (docs/rules/templates/annual-plan.md). */

/** Workbook names the three sheets share. */
export const AP_NAMES = {
  start: 'AnnualPlan_Start',
  codes: 'AnnualPlan_ObjectiveCodes',
  objectives: 'AnnualPlan_ObjectiveTexts',
  logMonth: 'AnnualPlan_LogMonth',
  logCode: 'AnnualPlan_LogCode',
  logTarget: 'AnnualPlan_LogTarget',
  logActual: 'AnnualPlan_LogActual',
  warn: 'AnnualPlan_WarnAt',
} as const;

export const CENTRED = 'center' as const;
/** High / medium / low, for the drop-downs of this template. */
export function levels(lang: Lang): string[] {
  const t = translator(catalog, lang);
  return [t('high'), t('medium'), t('low')];
}

export const AMBER = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };

