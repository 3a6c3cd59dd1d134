import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import type { SourceLinks } from '../../sheets/core/source-link';
import { TEMPLATES, getTemplate, isTemplateKind } from '../../sheets/templates/registry';

export interface TemplateInfo {
  kind: string;
  title: Record<Lang, string>;
  purpose: Record<Lang, string>;
}

export interface TemplateService {
  list(): readonly TemplateInfo[];
  /**
   * The examples are dated from today; protect locks the formulas (tables then cannot grow);
   * `sources` are the sheets of the workbook it reads (links-service templateSources).
   */
  build(kind: string, options: { lang: Lang; example: boolean; protect?: boolean; sources?: SourceLinks }): SheetSpec[];
}

export function createTemplateService(today: () => Date = () => new Date()): TemplateService {
  return {
    list: () => TEMPLATES,
    build(kind, { lang, example, protect, sources }) {
      if (!isTemplateKind(kind)) throw new Error(`unknown template ${kind}`);
      return getTemplate(kind).build({ lang, example, today: today(), protect, ...(sources ? { sources } : {}) });
    },
  };
}
