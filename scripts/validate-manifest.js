#!/usr/bin/env node
/**
 * `npm run validate [-- path/to/manifest.xml]`: Microsoft's manifest validation, as `yo office`
 * projects run it — office-addin-manifest sends the XML manifest to Microsoft's validation
 * service and prints its report. That needs the network: when the service cannot be reached,
 * this says so plainly and exits with 2 (not validated), instead of a stack trace.
 * Offline, `npx jest test/manifest` checks the manifest against the Office XSDs and, converted to
 * the unified JSON manifest, against the schema bundled with @microsoft/app-manifest.
 */
const path = require('node:path');
const { validateManifest } = require('office-addin-manifest');

const ROOT = path.resolve(__dirname, '..');

/** True for errors that mean "no answer from the service", not "the manifest is wrong". */
function isUnreachable(err) {
  const text = `${err && err.message}\n${err && err.cause && err.cause.code}`;
  return /Unable to contact the manifest validation service|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network/i.test(text);
}

async function main() {
  const file = path.resolve(ROOT, process.argv[2] || 'manifest.xml');
  const production = process.argv.includes('--production');
  console.log(`Validating ${path.relative(ROOT, file)} with Microsoft's validation service…`);
  let result;
  try {
    result = await validateManifest(file, production);
  } catch (err) {
    if (isUnreachable(err)) {
      console.error(
        '\nThe Microsoft manifest validation service could not be reached from this machine, so the manifest was NOT validated online.\n' +
          `(${String(err.message).split('\n').pop()})\n` +
          'Run `npm run validate` again with internet access. The offline checks (Office XSDs, unified-manifest schema) run with `npx jest test/manifest`.',
      );
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  if (result.status && result.status !== 200) {
    console.error(`\nThe validation service answered ${result.status} ${result.statusText || ''}: the manifest was NOT validated.`);
    process.exitCode = 2;
    return;
  }
  const report = result.report || {};
  for (const kind of ['errors', 'warnings', 'notes']) {
    for (const issue of report[kind] || []) console.log(`${kind.slice(0, -1)}: ${issue.title || ''} ${issue.content || ''} ${issue.line ? `(line ${issue.line})` : ''}`);
  }
  console.log(result.isValid ? '\nThe manifest is valid.' : '\nThe manifest is NOT valid.');
  process.exitCode = result.isValid ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
