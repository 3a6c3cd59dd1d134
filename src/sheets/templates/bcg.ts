import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const bcg: TemplateDef = {
  kind: 'bcg',
  title: { 'zh-CN': 'bcg', 'en-US': 'bcg' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template bcg is not built yet');
  },
};
