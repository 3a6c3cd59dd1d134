import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const opportunityThreat: TemplateDef = {
  kind: 'opportunity-threat',
  title: { 'zh-CN': 'opportunity-threat', 'en-US': 'opportunity-threat' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template opportunity-threat is not built yet');
  },
};
