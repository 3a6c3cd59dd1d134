/**
 * Jest runs the tests as CommonJS; @ironcalc/wasm ships only as an ES module. This transform
 * turns its files into CommonJS with TypeScript's transpiler (the same code, module syntax
 * only) and gives `import.meta.url` the file's URL. Node itself loads the package natively.
 */
const ts = require('typescript');
const { pathToFileURL } = require('node:url');

module.exports = {
  process(source, filename) {
    const withUrl = source.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(filename).href));
    const out = ts.transpileModule(withUrl, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, esModuleInterop: true },
    });
    return { code: out.outputText };
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha1').update('esm-transform-1').update(filename).update(source).digest('hex');
  },
};
