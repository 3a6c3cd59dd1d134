import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const developmentPlan: TemplateDef = {
  kind: 'development-plan',
  title: { 'zh-CN': 'development-plan', 'en-US': 'development-plan' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template development-plan is not built yet');
  },
};
