import { configure } from '@testing-library/dom';

// findBy*/waitFor default to 1 s, which a busy 2-core CI machine can exceed while a page
// computes; a real failure still fails, only later.
configure({ asyncUtilTimeout: 15_000 });

// jsdom 20 (jest-environment-jsdom 29) predates AbortSignal.throwIfAborted, which every browser
// the pane supports has (Chrome/Edge 100+, Safari 15.4+).
if (typeof AbortSignal !== 'undefined' && !('throwIfAborted' in AbortSignal.prototype)) {
  Object.defineProperty(AbortSignal.prototype, 'throwIfAborted', {
    value(this: AbortSignal) {
      if (this.aborted) throw this.reason ?? new DOMException('This operation was aborted', 'AbortError');
    },
  });
}
