/**
 * Lints snippets of code as if they were files of the repository, with the project's own
 * eslint.config.mjs, through the ESLint Node API. Input on stdin: [{ code, filePath }, …];
 * output on stdout: one list of messages ({ ruleId, message, severity }) per snippet.
 *
 * It runs as its own Node process because ESLint loads an ES-module config with import(),
 * which Jest's CommonJS sandbox does not allow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const snippets = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { code, filePath } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  out.push(result.messages.map(({ ruleId, message, severity }) => ({ ruleId, message, severity })));
}
process.stdout.write(JSON.stringify(out));
