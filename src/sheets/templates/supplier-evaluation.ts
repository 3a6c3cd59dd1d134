import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const supplierEvaluation: TemplateDef = {
  kind: 'supplier-evaluation',
  title: { 'zh-CN': 'supplier-evaluation', 'en-US': 'supplier-evaluation' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template supplier-evaluation is not built yet');
  },
};
