/**
 * The links of the monthly summary and the targets sheet (docs/rules/templates/monthly-summary.md,
 * targets.md) to the sheets of the same workbook that hold their figures: the pipeline (prospects
 * by owner, stage and colour), the visit plan's log (visits by visitor, date and tier) and the
 * new-customer bonus sheet (a rep's customers by first-order date). Each source is found by its
 * stamp and passed in as `sources`; what the templates read of it are its defined names. Every
 * linked formula says in its cell when its source sheet was deleted (guardedLink).
 */
import bonusCatalog from '../../i18n/bonus-sheets';
import common from '../../i18n/common';
import { translator } from '../../i18n/define';
import catalog from '../../i18n/templates/plan-links';
import pipelineCatalog from '../../i18n/templates/pipeline';
import visitCatalog from '../../i18n/templates/visit-plan';
import { BONUS_NAMES } from '../bonus/bonus-sheets';
import { q } from '../core/planning-table';
import type { Lang } from '../core/sheet-spec';
import { guardedLink, type SourceLink, type SourceLinks } from '../core/source-link';
import { PIPELINE_NAMES } from './pipeline';
import { VISIT_PLAN_NAMES } from './visit-plan';

/** Stamped kinds of the source sheets, by what the plan sheets read of them. */
export const PLAN_SOURCE_KINDS = { pipeline: 'pipeline', visits: 'visit-log', bonus: 'bonus-new-customer' } as const;
export type PlanSource = keyof typeof PLAN_SOURCE_KINDS;
export const PLAN_LINKS_TO: readonly string[] = Object.values(PLAN_SOURCE_KINDS);

/** One linked source: its sheet, the references of the names read, and its "deleted" guard. */
export interface Linked<R extends string> {
  sheet: string;
  refs: Readonly<Record<R, string>>;
  /** The formula, or the "sheet was deleted" message when the source sheet is gone. */
  guard(formula: string): string;
}

export interface PlanLinks {
  pipeline?: Linked<'owner' | 'stage' | 'status' | 'decision'>;
  visits?: Linked<'date' | 'visitedBy' | 'tier'>;
  bonus?: Linked<'reps' | 'dates'>;
}

/** A source with every name the plan sheets read of it, or undefined (then the cells stay inputs). */
function linked<R extends string>(lang: Lang, source: SourceLink | undefined, wanted: Record<R, string>): Linked<R> | undefined {
  if (!source) return undefined;
  const refs = {} as Record<R, string>;
  for (const key of Object.keys(wanted) as R[]) {
    const ref = source.names[wanted[key]];
    if (ref === undefined) return undefined;
    refs[key] = ref;
  }
  const gone = translator(common, lang)('linkSourceGone', { sheet: source.sheet });
  const first = refs[(Object.keys(wanted) as R[])[0]];
  return { sheet: source.sheet, refs, guard: (formula) => guardedLink(first, gone, formula) };
}

export function planLinks(lang: Lang, sources: SourceLinks | undefined): PlanLinks {
  const P = PIPELINE_NAMES;
  const V = VISIT_PLAN_NAMES;
  return {
    pipeline: linked(lang, sources?.[PLAN_SOURCE_KINDS.pipeline], { owner: P.owner, stage: P.stage, status: P.status, decision: P.decision }),
    visits: linked(lang, sources?.[PLAN_SOURCE_KINDS.visits], { date: V.logDate, visitedBy: V.logVisitedBy, tier: V.logTier }),
    bonus: linked(lang, sources?.[PLAN_SOURCE_KINDS.bonus], { reps: BONUS_NAMES.newCustomerReps, dates: BONUS_NAMES.newCustomerDates }),
  };
}

/**
 * The rep's open prospects at a stage: all rows of the owner at the stage, less the closed (red)
 * and the abandoned ones, counted without "<>" criteria (IronCalc skips blank cells under them,
 * Excel and LibreOffice count them; see the pipeline's own summary).
 */
export function openAtStage(p: NonNullable<PlanLinks['pipeline']>, lang: Lang, rep: string, stage: string): string {
  const tp = translator(pipelineCatalog, lang);
  const { owner, stage: stages, status, decision } = p.refs;
  const at = `${owner},${rep},${stages},${stage}`;
  const red = `${status},${q(tp('statusRed'))}`;
  const abandoned = `${decision},${q(tp('decisionAbandon'))}`;
  return p.guard(`COUNTIFS(${at})-COUNTIFS(${at},${red})-COUNTIFS(${at},${abandoned})+COUNTIFS(${at},${red},${abandoned})`);
}

/** The rep's potential customers as the pipeline counts them: green rows not abandoned. */
export function potentialHeld(p: NonNullable<PlanLinks['pipeline']>, lang: Lang, rep: string): string {
  const tp = translator(pipelineCatalog, lang);
  const green = `${p.refs.owner},${rep},${p.refs.status},${q(tp('statusGreen'))}`;
  return p.guard(`COUNTIFS(${green})-COUNTIFS(${green},${p.refs.decision},${q(tp('decisionAbandon'))})`);
}

/**
 * Visits on the log from `from` up to (not including) `until` to customers of `tier`, whose
 * visitors include the rep ("王磊、孙工" counts for 王磊).
 */
export function visitsMade(v: NonNullable<PlanLinks['visits']>, rep: string, tier: string, from: string, until: string): string {
  const { date, visitedBy, tier: tiers } = v.refs;
  return v.guard(`COUNTIFS(${visitedBy},"*"&${rep}&"*",${tiers},${tier},${date},">="&${from},${date},"<"&${until})`);
}

/** The rep's lines on the new-customer bonus sheet whose customer's first order falls in [from, until). */
export function newCustomers(bn: NonNullable<PlanLinks['bonus']>, rep: string, from: string, until: string): string {
  const { reps, dates } = bn.refs;
  return bn.guard(`COUNTIFS(${reps},${rep},${dates},">="&${from},${dates},"<"&${until})`);
}

/** The latest first-order date among the rep's lines before `until`; blank when there is none. */
export function latestNewCustomer(bn: NonNullable<PlanLinks['bonus']>, rep: string, until: string): string {
  const { reps, dates } = bn.refs;
  return bn.guard(`IF(COUNTIFS(${reps},${rep},${dates},"<"&${until})=0,"",SUMPRODUCT(MAX((${reps}=${rep})*(${dates}<${until})*${dates})))`);
}

/**
 * One sentence per source: where the figures come from when it is linked, or which sheet would
 * fill them when it is not. `what` says, per source, which cells it fills.
 */
export function linksNote(lang: Lang, links: PlanLinks, what: Partial<Record<PlanSource, string>>, which: readonly PlanSource[]): string {
  const t = translator(catalog, lang);
  const sheetNames: Record<PlanSource, string> = {
    pipeline: translator(pipelineCatalog, lang)('sheetName'),
    visits: translator(visitCatalog, lang)('logSheetName'),
    bonus: translator(bonusCatalog, lang)('sheet_new-customer'),
  };
  return which
    .map((k) => {
      const link = links[k];
      const cells = what[k] ?? '';
      return link ? t('linked', { sheet: link.sheet, what: cells }) : t('unlinked', { sheet: sheetNames[k], what: cells });
    })
    .join(lang === 'zh-CN' ? '' : ' ');
}
