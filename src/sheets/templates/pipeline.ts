import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const pipeline: TemplateDef = {
  kind: 'pipeline',
  title: { 'zh-CN': 'pipeline', 'en-US': 'pipeline' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template pipeline is not built yet');
  },
};
