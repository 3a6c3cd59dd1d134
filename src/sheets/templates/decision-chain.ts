import type { TemplateDef } from '../template-registry';

// Placeholder until the builder lands: registered so the registry and CLI compile.
export const decisionChain: TemplateDef = {
  kind: 'decision-chain',
  title: { 'zh-CN': 'decision-chain', 'en-US': 'decision-chain' },
  purpose: { 'zh-CN': '', 'en-US': '' },
  build() {
    throw new Error('template decision-chain is not built yet');
  },
};
