import { TEMPLATES, getTemplate, isTemplateKind } from '../../sheets/templates/registry';
import type { TemplateService } from './types';

export function createTemplateService(today: () => Date = () => new Date()): TemplateService {
  return {
    list: () => TEMPLATES,
    build(kind, { lang, example, protect }) {
      if (!isTemplateKind(kind)) throw new Error(`unknown template ${kind}`);
      return getTemplate(kind).build({ lang, example, today: today(), protect });
    },
  };
}
