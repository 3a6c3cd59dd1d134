#!/usr/bin/env node
/**
 * Microsoft's manifest packages, run as plain Node (their dependencies include ESM-only modules
 * that Jest's module loader cannot require; Node 20.19+ can):
 *
 *   node scripts/manifest-tools.js info <manifest.xml>
 *     office-addin-manifest's parser (OfficeAddinManifest.readManifestFile); prints JSON.
 *   node scripts/manifest-tools.js unified <manifest.xml> <out dir> [schema version] [--set key=json]
 *     office-addin-manifest-converter writes the unified JSON manifest into <out dir>, then it is
 *     validated against the schema bundled with @microsoft/app-manifest (read from the package,
 *     not downloaded). Prints JSON { files, manifest, schema, bundled, errors }; exits 1 on errors.
 *     --set replaces a top-level key before validating (tests use it to break the manifest).
 *
 * Default schema version 1.23: the first whose schema allows extensions[].getStartedMessages,
 * which the converter writes (its own default, 1.17, rejects it).
 */
const fs = require('node:fs');
const path = require('node:path');

async function info(file) {
  const { OfficeAddinManifest } = require('office-addin-manifest');
  return OfficeAddinManifest.readManifestFile(file);
}

async function unified(file, out, version = '1.23', sets = []) {
  const { convert } = require('office-addin-manifest-converter');
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  const schema = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const bundled = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(bundled)) throw new Error(`@microsoft/app-manifest bundles no schema ${version} (${bundled})`);
  fs.mkdirSync(out, { recursive: true });
  await convert(file, out, false, schema, version, false);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  for (const set of sets) {
    const eq = set.indexOf('=');
    manifest[set.slice(0, eq)] = JSON.parse(set.slice(eq + 1));
  }
  // The bundled schema, read from the package: validation never goes online.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, JSON.parse(fs.readFileSync(bundled, 'utf8')));
  return { files: fs.readdirSync(out).sort(), manifest, schema, bundled, errors };
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const sets = [];
  for (let i = args.indexOf('--set'); i >= 0; i = args.indexOf('--set')) sets.push(...args.splice(i, 2).slice(1));
  if (command === 'info') {
    process.stdout.write(JSON.stringify(await info(path.resolve(args[0])), null, 2) + '\n');
  } else if (command === 'unified') {
    const result = await unified(path.resolve(args[0]), path.resolve(args[1]), args[2], sets);
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    if (result.errors.length > 0) process.exitCode = 1;
  } else {
    console.error('usage: manifest-tools.js info <manifest.xml> | unified <manifest.xml> <out dir> [schema version] [--set key=json]');
    process.exitCode = 2;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
