import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const keyAccountPlan: TemplateDef = {
  kind: 'key-account-plan',
  title: { 'zh-CN': 'key-account-plan', 'en-US': 'key-account-plan' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template key-account-plan is not built yet');
  },
};
