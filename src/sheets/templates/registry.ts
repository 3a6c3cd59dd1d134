import type { Lang, SheetSpec } from '../core/sheet-spec';
import type { ColumnProbe } from '../core/planning-table';
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

export interface TemplateOptions {
  lang: Lang;
  /** Fill the example rows (the worked cases described in docs/rules/templates/). */
  example: boolean;
  /** The date written into the title block and used as the report date; defaults to today. */
  today?: Date;
  /** Test-only: a blank column spliced into every table, to show formulas find columns by key. */
  columnProbe?: ColumnProbe;
}

export interface TemplateDef {
  kind: TemplateKind;
  title: Record<Lang, string>;
  /** One line saying what the template is for, shown in the gallery. */
  purpose: Record<Lang, string>;
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
] as const;

export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

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
];

export function isTemplateKind(kind: string): kind is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(kind);
}

export function getTemplate(kind: TemplateKind): TemplateDef {
  const def = TEMPLATES.find((t) => t.kind === kind);
  if (!def) throw new Error(`template ${kind} is not registered`);
  return def;
}
