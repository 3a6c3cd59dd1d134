import { configure } from '@testing-library/dom';

// findBy*/waitFor default to 1 s, which a busy 2-core CI machine can exceed while a page
// computes; a real failure still fails, only later.
configure({ asyncUtilTimeout: 15_000 });
