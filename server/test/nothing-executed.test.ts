// cachelint never runs anything from the workspace it analyses. A workspace full of traps: JS and TS
// config files, install scripts, plugin-looking packages, a fake `tsc`, a TypeScript server plugin,
// a source file with top-level side effects. Each trap writes a marker file (outside the workspace)
// if it is ever executed or required. The built CLI runs over it in every mode that reads, parses,
// caches or writes; no marker may appear, and the settings only the JS configs hold have no effect.
// A preload hook also records any require of a workspace file and any child process, in case a trap
// were loaded in a way that skipped its own side effect.
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectNoCrash, parseJson, project, runCli, type BuiltCli, type CliRun } from './reliability-fixtures/built-cli';

let built: BuiltCli;
let markers: string;
let hook: string;
let root: string;

/** JavaScript that leaves a marker named `name` when it runs. */
const trap = (name: string) => `require('fs').writeFileSync(${JSON.stringify(join(markers, name))}, 'executed');\n`;
const trapEsm = (name: string) => `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(markers, name))}, 'executed');\n`;
const trapCmd = (name: string) => `node -e "require('fs').writeFileSync('${join(markers, name)}', 'executed')"`;

/** Settings only the JS configs hold: if any were read, missing-ttl would be off and its fix safe. */
const JS_CONFIG = "{ rules: { 'missing-ttl': 'off' }, defaultTtlSeconds: 60 }";

// line 4 reloads user:1 on a miss: the key is a cache, so its write without a TTL is a finding
const SNIPPET = "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f(v: string) { await redis.set('user:1', v); }\nexport async function g() { const c = await redis.get('user:1'); return c ?? (await fetch('/users/1')).text(); }\n";

beforeAll(async () => {
  built = await buildCli('exec');
  markers = join(built.work, 'markers');
  mkdirSync(markers);
  root = project(built.work, {
    '.cachelintrc.js': `${trap('cachelintrc-js')}module.exports = ${JS_CONFIG};\n`,
    '.cachelintrc.cjs': `${trap('cachelintrc-cjs')}module.exports = ${JS_CONFIG};\n`,
    'cachelint.config.js': `${trap('config-js')}module.exports = ${JS_CONFIG};\n`,
    'cachelint.config.mjs': `${trapEsm('config-mjs')}export default ${JS_CONFIG};\n`,
    'cachelint.config.ts': `${trapEsm('config-ts')}export default ${JS_CONFIG};\n`,
    'package.json': JSON.stringify(
      {
        name: 'trap',
        main: 'index.js',
        bin: { trap: 'index.js' },
        scripts: { preinstall: trapCmd('preinstall'), postinstall: trapCmd('postinstall'), prepare: trapCmd('prepare'), lint: trapCmd('lint') },
        eslintConfig: { plugins: ['evil'] },
        dependencies: { ioredis: '^5.0.0', 'cache-manager': '^5.0.0' },
      },
      null,
      2,
    ),
    'index.js': trap('package-main'),
    'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.js', compilerOptions: { plugins: [{ name: 'evil-ts-plugin' }] } }),
    'tsconfig.base.js': trap('tsconfig-base'),
    'node_modules/cachelint-plugin-evil/package.json': JSON.stringify({ name: 'cachelint-plugin-evil', main: 'index.js', scripts: { postinstall: trapCmd('plugin-postinstall') } }),
    'node_modules/cachelint-plugin-evil/index.js': `${trap('cachelint-plugin')}module.exports = { rules: {} };\n`,
    'node_modules/eslint-plugin-evil/package.json': JSON.stringify({ name: 'eslint-plugin-evil', main: 'index.js' }),
    'node_modules/eslint-plugin-evil/index.js': `${trap('eslint-plugin')}module.exports = { rules: {} };\n`,
    'node_modules/evil-ts-plugin/package.json': JSON.stringify({ name: 'evil-ts-plugin', main: 'index.js' }),
    'node_modules/evil-ts-plugin/index.js': `${trap('ts-plugin')}module.exports = () => ({ create: (i) => i.languageService });\n`,
    // the cache and database libraries the code imports: recognised by import binding, never loaded
    'node_modules/ioredis/package.json': JSON.stringify({ name: 'ioredis', version: '5.4.0', main: 'built/index.js', types: 'built/index.d.ts' }),
    'node_modules/ioredis/built/index.js': `${trap('ioredis')}module.exports = class Redis {};\n`,
    'node_modules/cache-manager/package.json': JSON.stringify({ name: 'cache-manager', version: '5.7.0', main: 'index.js', exports: { '.': { require: './index.js', import: './index.mjs' } } }),
    'node_modules/cache-manager/index.js': trap('cache-manager'),
    'node_modules/cache-manager/index.mjs': trapEsm('cache-manager-esm'),
    'node_modules/.bin/tsc': `#!/bin/sh\n${trapCmd('bin-tsc')}\n`,
    'node_modules/.bin/cachelint': `#!/bin/sh\n${trapCmd('bin-cachelint')}\n`,
    'src/a.ts': `import evil from 'cachelint-plugin-evil';\nimport '../.cachelintrc.js';\nimport cfg from '../cachelint.config.mjs';\n${SNIPPET}export const used = [evil, cfg]; // cachelint-disable-line key-drift\n`,
    'src/b.js': `const plugin = require('eslint-plugin-evil');\nconst { caching } = require('cache-manager');\nmodule.exports = { plugin, caching };\n`,
    'src/side-effect.js': `${trap('source-file')}const cache = new Map();\ncache.set('k', 1);\n`,
  });
  chmodSync(join(root, 'node_modules/.bin/tsc'), 0o755);
  chmodSync(join(root, 'node_modules/.bin/cachelint'), 0o755);

  // Records what the bundle loads from the workspace and any process it starts.
  hook = join(built.work, 'watch-hook.cjs');
  writeFileSync(
    hook,
    `const Module = require('module');
const fs = require('fs');
const cp = require('child_process');
const root = ${JSON.stringify(root)};
const note = (what) => fs.writeFileSync(${JSON.stringify(markers)} + '/hook-' + Date.now() + '-' + Math.random().toString(36).slice(2), what);
const load = Module._load;
Module._load = function (request, parent, isMain) {
  let resolved = '';
  try { resolved = Module._resolveFilename(request, parent, isMain); } catch {}
  if (resolved.startsWith(root + '/')) note('require ' + resolved);
  return load.apply(this, arguments);
};
for (const fn of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const orig = cp[fn];
  cp[fn] = function (...args) { note(fn + ' ' + String(args[0])); return orig.apply(this, args); };
}
`,
  );
}, 120_000);
afterAll(() => built?.dispose());

const markersLeft = () => readdirSync(markers).map((m) => `${m}: ${readFileSync(join(markers, m), 'utf8')}`);

describe('a workspace full of traps', () => {
  const modes: [string, string[]][] = [
    ['the default run', []],
    ['--parse-all', ['--parse-all']],
    ['json', ['-f', 'json']],
    ['sarif', ['-f', 'sarif']],
    ['--cache', ['--cache']],
    ['--fix-dry-run', ['--fix-dry-run']],
    ['node_modules named explicitly (the traps are parsed, not run)', ['node_modules', '--parse-all']],
    ['every JS config named as a file to analyse', ['.cachelintrc.js', '.cachelintrc.cjs', 'cachelint.config.js', 'cachelint.config.mjs', 'cachelint.config.ts', 'tsconfig.base.js']],
  ];
  it.each(modes)('%s: no marker, nothing required from the workspace, no child process', (_name, args) => {
    const r = runCli(built.cli, root, args, { preload: hook });
    expectNoCrash(r);
    expect(markersLeft()).toEqual([]);
  });

  it('the JS configs are not read: missing-ttl still reports, and --fix does not apply their TTL', () => {
    const report = runCli(built.cli, root, ['-f', 'json', 'src'], { preload: hook });
    expectNoCrash(report);
    const a = parseJson(report).find((x) => x.filePath === join(root, 'src/a.ts'))!;
    expect(a.messages.map((m) => m.ruleId)).toEqual(['missing-ttl', null]);

    const fix: CliRun = runCli(built.cli, root, ['--fix', 'src'], { preload: hook });
    expectNoCrash(fix);
    expect(markersLeft()).toEqual([]);
    // --fix did write (the unused directive went), but not the TTL only the JS configs would make safe
    const fixed = readFileSync(join(root, 'src/a.ts'), 'utf8');
    expect(fixed).not.toContain('cachelint-disable-line');
    expect(fixed).toContain("await redis.set('user:1', v); }");
  });

  it('the hook itself works: it records a require of a workspace file', () => {
    const probe = join(built.work, 'probe.cjs');
    writeFileSync(probe, `require(${JSON.stringify(join(root, 'node_modules/evil-ts-plugin/package.json'))});\n`);
    const r = runCli(probe, root, [], { preload: hook });
    expect(r.code).toBe(0);
    const left = readdirSync(markers);
    expect(left.map((m) => readFileSync(join(markers, m), 'utf8'))).toEqual([`require ${join(root, 'node_modules/evil-ts-plugin/package.json')}`]);
    for (const m of left) rmSync(join(markers, m));
  });
});

describe('package.json "cachelint" holding a command line', () => {
  it('is a config error (exit 2, named), and the command never runs', () => {
    const ws = project(built.work, {
      'package.json': JSON.stringify({ name: 'x', cachelint: `require('child_process').execSync(${JSON.stringify(trapCmd('cachelint-key'))})` }),
      'a.ts': SNIPPET,
    });
    const r = runCli(built.cli, ws, [], { preload: hook });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Invalid cachelint config ${join(ws, 'package.json')}: "cachelint": expected an object, got a string\n`);
    expect(markersLeft()).toEqual([]);
  });
});
