import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const ansoff: TemplateDef = {
  kind: 'ansoff',
  title: { 'zh-CN': 'ansoff', 'en-US': 'ansoff' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template ansoff is not built yet');
  },
};
