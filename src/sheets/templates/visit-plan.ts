import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const visitPlan: TemplateDef = {
  kind: 'visit-plan',
  title: { 'zh-CN': 'visit-plan', 'en-US': 'visit-plan' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template visit-plan is not built yet');
  },
};
