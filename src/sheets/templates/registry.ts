import type { Lang, SheetSpec } from '../core/sheet-spec';
import type { SheetBuilderOptions } from '../core/sheet-builder';
import type { SourceLinks } from '../core/source-link';
import { developmentPlan } from './development-plan';
import { pipeline } from './pipeline';
import { keyAccountPlan } from './key-account-plan';
import { decisionChain } from './decision-chain';
import { supplierEvaluation } from './supplier-evaluation';
import { swot } from './swot';
import { ansoff } from './ansoff';
import { bcg } from './bcg';
import { opportunityThreat } from './opportunity-threat';
import { visitPlan } from './visit-plan';
import { credit } from './credit';
import { customerFile } from './customer-file';
import { monthlySummary } from './monthly-summary';
import { targets } from './targets';
import { communicationRecord } from './communication-record';
import { contractChecklist } from './contract-checklist';
import { annualPlan } from './annual-plan';
import { hopeList } from './hope-list';
import { dashboard } from './dashboard';

/** How a template is made. The probes of SheetBuilderOptions are for tests only. */
export interface TemplateOptions extends SheetBuilderOptions {
  lang: Lang;
  /** Fill the example rows (the worked cases described in docs/rules/templates/). */
  example: boolean;
  /**
   * The day the template is made for: written into the title block as the report date, and the
   * day the example rows are dated from. Defaults to today.
   */
  today?: Date;
  /**
   * Protect the sheets so only input cells can be edited. Off by default: a protected sheet
   * cannot get new rows, so its tables cannot grow.
   */
  protect?: boolean;
  /**
   * Sheets of the workbook the template is added to, by stamped kind (src/sheets/core/source-link.ts):
   * a template that reads another sheet links to it; without it, it asks for the values.
   */
  sources?: SourceLinks;
}

export interface TemplateDef {
  kind: TemplateKind;
  title: Record<Lang, string>;
  /** One line saying what the template is for, shown in the gallery. */
  purpose: Record<Lang, string>;
  /**
   * Stamped kinds of the sheets this template reads when the workbook holds them ("pipeline",
   * "abc-result"…): given as `sources` to build(); a host re-wires the template when one appears.
   */
  linksTo?: readonly string[];
  /** One sheet, or a small set; the first is the one to activate. */
  build(options: TemplateOptions): SheetSpec[];
}

export const TEMPLATE_KINDS = [
  'development-plan',
  'pipeline',
  'key-account-plan',
  'decision-chain',
  'supplier-evaluation',
  'swot',
  'ansoff',
  'bcg',
  'opportunity-threat',
  'visit-plan',
  'credit',
  'customer-file',
  'monthly-summary',
  'targets',
  'communication-record',
  'contract-checklist',
  'annual-plan',
  'hope-list',
  'dashboard',
] as const;

export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Layout version of each template's sheets (raise it when a change matters to readers of old sheets). */
const TEMPLATE_VERSION = 1;

/**
 * Every sheet a template builds carries its language and a version stamp: the template's kind,
 * unless the builder stamped the sheet itself (a second sheet of another kind, e.g. the visit log).
 */
function stamped(def: TemplateDef): TemplateDef {
  return {
    ...def,
    build: (options) =>
      def.build(options).map((sheet) => ({ ...sheet, lang: sheet.lang ?? options.lang, stamp: sheet.stamp ?? { kind: def.kind, version: TEMPLATE_VERSION } })),
  };
}

export const TEMPLATES: readonly TemplateDef[] = [
  developmentPlan,
  pipeline,
  keyAccountPlan,
  decisionChain,
  supplierEvaluation,
  swot,
  ansoff,
  bcg,
  opportunityThreat,
  visitPlan,
  credit,
  customerFile,
  monthlySummary,
  targets,
  communicationRecord,
  contractChecklist,
  annualPlan,
  hopeList,
  dashboard,
].map(stamped);

export function isTemplateKind(kind: string): kind is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(kind);
}

export function getTemplate(kind: TemplateKind): TemplateDef {
  const def = TEMPLATES.find((t) => t.kind === kind);
  if (!def) throw new Error(`template ${kind} is not registered`);
  return def;
}
