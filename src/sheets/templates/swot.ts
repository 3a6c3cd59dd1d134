import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const swot: TemplateDef = {
  kind: 'swot',
  title: { 'zh-CN': 'swot', 'en-US': 'swot' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template swot is not built yet');
  },
};
