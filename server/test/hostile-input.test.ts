// Hostile input through the built CLI: broken syntax, huge and deeply nested files, odd encodings
// and line endings, files that vanish, loop or cannot be read. The promise: each gets a clear
// message or notice, the rest of the run goes on (a healthy file's finding is still reported), the
// exit code is 0 or 1 (never 2), no stack trace is printed, and the run ends in bounded time.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGlob, compileIgnore, ignoredBy } from '../src/engine/files';
import { startsUseStrict } from '../src/syntax/walk';
import type { LintMessage, LintResult } from '../src/report/json';
import { buildCli, expectNoCrash, parseJson, project, runCli, type BuiltCli, type CliRun } from './reliability-fixtures/built-cli';

/** A hang guard, not a benchmark: generous for a loaded 2-core machine. */
const BOUND_MS = 60_000;
const DEPTH = 5_000;
const HEAD = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
/** missing-ttl on line 3, column 44 */
const SNIPPET = `${HEAD}export async function f(v: string) { await redis.set('user:1', v); }\n`;

function fiftyThousandLines(): string {
  const lines: string[] = [];
  for (let i = 0; i < 50_000; i++) lines.push(`export const v${i} = ${i};`);
  return `${HEAD}${lines.join('\n')}\nexport async function last(v: string) { await redis.set('big:1', v); }\n`;
}

/** One 2 MB line, the shape of a minified CommonJS bundle, with a cache write at its very end. */
function minifiedBundle(): string {
  let s = 'var r=require("ioredis"),c=new r();';
  for (let i = 0; s.length < 2_000_000; i++) s += `function a${i}(x){return x*2+${i}}var b${i}=a${i}(${i});`;
  return `${s}async function z(v){await c.set("min:1",v)}`;
}

const deep = {
  'deep/arrays.ts': `${HEAD}export const a = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)};\n`,
  'deep/parens.ts': `${HEAD}export const p = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n`,
  'deep/functions.ts': `${HEAD}${'function f() {'.repeat(DEPTH)}${'}'.repeat(DEPTH)}\n`,
  'deep/ifs.ts': `${HEAD}export function g(x: number) {${'if (x) {'.repeat(DEPTH)}redis.get('k');${'}'.repeat(DEPTH)}}\n`,
  'deep/concat-key.ts': `${HEAD}export async function h(a: string, v: string) { await redis.set('k:' + ${Array(DEPTH).fill('a').join(' + ')}, v); }\n`,
  // not nesting in the source, but a left-deep tree of 1,000 calls: a long builder chain
  'deep/call-chain.ts': `${HEAD}export async function m(v: string) { await redis.multi()${".get('a')".repeat(1_000)}.exec(); }\n`,
};

const syntax = {
  'syntax/unclosed-brace.ts': `${HEAD}export function f() { if (redis) { redis.get('a');\n`,
  'syntax/unclosed-string.ts': `${HEAD}const s = 'abc;\nredis.get(s);\n`,
  'syntax/unclosed-template.ts': `${HEAD}const t = \`user:\${redis.get('x')\n`,
  'syntax/unclosed-jsx.tsx': `${HEAD}export const C = () => <div><span>{redis.get('a')}</div>;\n`,
  'syntax/stray-tokens.ts': `${HEAD}) ] } ;; @@ # ??? :: =>\n`,
  'syntax/decorator-mess.ts': `${HEAD}@ @foo( class X { @bar baz @ }\n@@@\n`,
  'syntax/regex-and-division.js': `${HEAD.replace("import Redis from 'ioredis'", "const Redis = require('ioredis')")}const r = /[/;\n`,
};

/** Expected line of the parse error in each broken file (the parser's own recovery point). */
const SYNTAX_LINE: Record<keyof typeof syntax, number> = {
  'syntax/unclosed-brace.ts': 4,
  'syntax/unclosed-string.ts': 3,
  'syntax/unclosed-template.ts': 4,
  'syntax/unclosed-jsx.tsx': 3,
  'syntax/stray-tokens.ts': 3,
  'syntax/decorator-mess.ts': 3,
  'syntax/regex-and-division.js': 3,
};

let built: BuiltCli;
let root: string;
let preload: string;
const runs: Record<string, CliRun> = {};
const results: Record<string, LintResult[]> = {};

beforeAll(async () => {
  built = await buildCli('hostile');
  root = project(built.work, {
    // big enough for the 2 MB bundle and the 50,000-line file; limits/ has its own smaller limit
    // all writes: this suite is about surviving hostile files, not about which keys are caches
    '.cachelintrc.json': '{ "maxFileSize": 5000000, "missingTtl": "all-writes" }',
    'ok.ts': SNIPPET,
    'plain/broken-no-cache-words.ts': 'export const x = ;\n',
    'syntax/ts-only-in.js': "const Redis = require('ioredis');\nconst redis = new Redis();\ninterface I { a: number }\nenum E { A }\nexport const n: number = 1;\n",
    ...syntax,
    ...deep,
    'big/fifty-thousand-lines.ts': fiftyThousandLines(),
    'big/bundle.min.js': minifiedBundle(),
    'enc/latin1.ts': Buffer.concat([Buffer.from(`${HEAD}// caf`), Buffer.from([0xe9]), Buffer.from(" \xe0 la cr\xe8me\nexport async function l(v: string) { await redis.set('lat:1', v); }\n", 'latin1')]),
    'enc/binary.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'enc/bom.ts': `\uFEFF${SNIPPET}`,
    'enc/only-bom.ts': '\uFEFF',
    'enc/crlf.ts': SNIPPET.replace(/\n/g, '\r\n'),
    // \r\n, a lone \r, \n and U+2028 are all line breaks: the finding is on line 5
    'enc/mixed-eol.ts': `${HEAD.replace('\n', '\r\n').replace(/\n$/, '\r')}// cr\n\u2028export async function m(v: string) { await redis.set('mixed:1', v); }\n`,
    'enc/empty.ts': '',
    'enc/shebang.js': `#!/usr/bin/env node\n${HEAD.replace("import Redis from 'ioredis'", "const Redis = require('ioredis')")}redis.set('sheb:1', 'v');\n`,
    'enc/na\u00efve name with spaces.ts': SNIPPET,
    'enc/folder.ts/inside.ts': SNIPPET,
    'enc/types.d.ts': 'declare const x: = ;\n',
    'limits/.cachelintrc.json': '{ "maxFileSize": 1000 }',
    'limits/over.ts': `${SNIPPET}${'// padding\n'.repeat(100)}`,
    'vanish.ts': SNIPPET,
    'unreadable.ts': SNIPPET,
    // patterns a backtracking RegExp needs hours for on the long folder name below; *.gen.ts still applies
    '.gitignore': `${'**/'.repeat(30)}never\n${'a*'.repeat(30)}b\n*.gen.ts\n`,
    [`${'a'.repeat(80)}/long-name.ts`]: SNIPPET,
    'ignored.gen.ts': SNIPPET,
  });
  // a folder linking to its own parent, a link to nowhere, a FIFO (reading it would block forever)
  mkdirSync(join(root, 'loop'));
  symlinkSync('..', join(root, 'loop', 'up'));
  symlinkSync('nowhere.ts', join(root, 'dangling.ts'));
  execFileSync('mkfifo', [join(root, 'fifo.ts')]);
  chmodSync(join(root, 'unreadable.ts'), 0o000);
  // The seam for "deleted between listing and reading": delete vanish.ts right before the CLI reads
  // it. And since root reads a chmod 000 file anyway, as root the read of unreadable.ts fails the
  // way it would for anyone else (EACCES).
  preload = join(built.work, 'disk-events-hook.cjs');
  writeFileSync(
    preload,
    `const fs = require('fs');
const hook = (original) => function (p, ...rest) {
  if (typeof p === 'string' && p.endsWith('/vanish.ts')) { try { fs.unlinkSync(p); } catch {} }
  if (typeof p === 'string' && p.endsWith('/unreadable.ts') && process.getuid() === 0)
    throw Object.assign(new Error('EACCES: permission denied, open ' + p), { code: 'EACCES', errno: -13, syscall: 'open', path: p });
  return original.call(this, p, ...rest);
};
// the CLI opens files to read them (openSync); readFileSync too, for any other reader
fs.readFileSync = hook(fs.readFileSync);
fs.openSync = hook(fs.openSync);
`,
  );
  for (const [name, args] of Object.entries({ parseAll: ['--parse-all'], gated: [] as string[] })) {
    writeFileSync(join(root, 'vanish.ts'), SNIPPET);
    runs[name] = runCli(built.cli, root, ['-f', 'json', ...args], { preload, timeoutMs: 120_000 });
    results[name] = runs[name].code === 0 || runs[name].code === 1 ? parseJson(runs[name]) : [];
  }
}, 300_000);
afterAll(() => built?.dispose());

function messagesOf(mode: string, rel: string): LintMessage[] {
  const r = results[mode].find((x) => x.filePath === join(root, rel));
  if (!r) throw new Error(`${rel} is not in the report (${mode})`);
  return r.messages;
}

const isRoot = process.getuid?.() === 0;

describe.each(['parseAll', 'gated'])('the whole hostile tree (%s)', (mode) => {
  it('ends by itself, in bounded time, exit 1 (parse errors are errors), no crash or stack', () => {
    const r = runs[mode];
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(BOUND_MS);
    console.log(`hostile tree (${mode}): ${results[mode].length} files reported in ${Math.round(r.ms)} ms`);
  });

  it('still reports the healthy files, with the right line and column', () => {
    const at = (rel: string) => messagesOf(mode, rel).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(at('ok.ts')).toEqual(['3:44 missing-ttl']);
    expect(at('enc/bom.ts')).toEqual(['3:44 missing-ttl']);
    expect(at('enc/crlf.ts')).toEqual(['3:44 missing-ttl']);
    expect(at('enc/mixed-eol.ts')).toEqual(['5:44 missing-ttl']);
    expect(at('enc/latin1.ts')).toEqual(['4:44 missing-ttl']);
    expect(at('enc/shebang.js')).toEqual(['4:1 missing-ttl']);
    expect(at('enc/na\u00efve name with spaces.ts')).toEqual(['3:44 missing-ttl']);
    expect(at('enc/folder.ts/inside.ts')).toEqual(['3:44 missing-ttl']);
    expect(at('enc/empty.ts')).toEqual([]);
    expect(at('enc/only-bom.ts')).toEqual([]);
    expect(at(`${'a'.repeat(80)}/long-name.ts`)).toEqual(['3:44 missing-ttl']);
    expect(results[mode].map((r) => r.filePath)).not.toContain(join(root, 'ignored.gen.ts'));
  });

  it('analyses a 50,000-line file and a 2 MB one-line bundle', () => {
    expect(messagesOf(mode, 'big/fifty-thousand-lines.ts').map((m) => `${m.line} ${m.ruleId}`)).toEqual(['50003 missing-ttl']);
    const bundle = minifiedBundle();
    expect(messagesOf(mode, 'big/bundle.min.js').map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      `1:${bundle.indexOf('c.set(') + 1} missing-ttl`,
    ]);
  });

  it('gives each syntax error one fatal "Parsing error" on its line', () => {
    for (const [rel, line] of Object.entries(SYNTAX_LINE)) {
      const msgs = messagesOf(mode, rel);
      expect(msgs, rel).toEqual([expect.objectContaining({ ruleId: null, fatal: true, severity: 2, line })]);
      expect(msgs[0].message, rel).toMatch(/^Parsing error: \S/);
    }
  });

  it('5,000 levels of nesting: analysed, or one clear "nested too deeply" error; never a crash', () => {
    for (const rel of Object.keys(deep)) {
      const msgs = messagesOf(mode, rel);
      expect(msgs.length, rel).toBeLessThanOrEqual(1);
      for (const m of msgs) {
        if (m.fatal) expect(m.message, rel).toBe('Parsing error: cachelint could not analyse this file: the file is nested too deeply to parse');
        else expect(m.ruleId, rel).toBe('missing-ttl');
      }
    }
    // the TypeScript parser itself recurses per level: these four cannot be parsed at this depth
    for (const rel of ['deep/arrays.ts', 'deep/parens.ts', 'deep/functions.ts', 'deep/ifs.ts'])
      expect(messagesOf(mode, rel).map((m) => m.fatal), rel).toEqual([true]);
    // 1,000 chained reads: analysed without an error, and nothing to report
    expect(messagesOf(mode, 'deep/call-chain.ts')).toEqual([]);
  });

  it('skips binary, too-big, vanished and unreadable files with a notice; links and FIFOs never hang', () => {
    const { stderr } = runs[mode];
    const listed = results[mode].map((r) => r.filePath.slice(root.length + 1));
    expect(stderr).toContain(`cachelint: File ignored because it looks binary (it contains NUL bytes): ${join(root, 'enc/binary.ts')}\n`);
    expect(stderr).toMatch(new RegExp(`cachelint: File ignored because it is larger than maxFileSize \\(\\d+ > 1000 bytes\\): ${join(root, 'limits/over.ts')}\\n`));
    expect(stderr).toContain(`cachelint: File ignored because it cannot be read (ENOENT): ${join(root, 'vanish.ts')}\n`);
    for (const skipped of ['enc/binary.ts', 'limits/over.ts', 'vanish.ts', 'fifo.ts', 'dangling.ts', 'enc/types.d.ts']) expect(listed).not.toContain(skipped);
    // the loop is walked once: no file under loop/up/…
    expect(listed.filter((f) => f.startsWith('loop/'))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it(`skips a chmod 000 file with a notice${isRoot ? ' (as root: the read fails through the hook)' : ''}`, () => {
    expect(runs[mode].stderr).toContain(`cachelint: File ignored because it cannot be read (EACCES): ${join(root, 'unreadable.ts')}\n`);
    expect(results[mode].map((r) => r.filePath)).not.toContain(join(root, 'unreadable.ts'));
  });
});

describe('differences between the modes', () => {
  it('a broken file without cache words is parsed (and reported) only with --parse-all', () => {
    expect(messagesOf('parseAll', 'plain/broken-no-cache-words.ts')).toEqual([expect.objectContaining({ fatal: true, line: 1 })]);
    expect(messagesOf('gated', 'plain/broken-no-cache-words.ts')).toEqual([]);
  });

  // Known gap (walk.ts parseDiagnostics): the parser accepts TypeScript-only syntax in a .js file
  // (the "can only be used in TypeScript files" errors come from the program, not the parser), so
  // the file is analysed without a word. Node would refuse to run it; ESLint reports a parse error.
  it.fails('reports TypeScript-only syntax in a .js file (known gap: accepted silently)', () => {
    expect(messagesOf('parseAll', 'syntax/ts-only-in.js')).toEqual([expect.objectContaining({ fatal: true })]);
  });
});

describe('the other formats', () => {
  // the broken, oddly encoded and oddly named files (the big and deep ones only cost time here)
  it.each(['stylish', 'sarif', 'github'])('%s: no crash, bounded time', (format) => {
    const r = runCli(built.cli, root, ['-f', format, '--parse-all', 'ok.ts', 'syntax', 'enc', 'plain'], { timeoutMs: 120_000 });
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.stdout).toContain('missing-ttl');
  });
});

describe('a hostile environment', () => {
  it('a reader that stops early (`cachelint -f json | head -c 100`) ends the run quietly, exit code kept', async () => {
    const many: Record<string, string> = { '.cachelintrc.json': '{ "rules": { "missing-ttl": "error" }, "missingTtl": "all-writes" }' };
    for (let i = 0; i < 300; i++) many[`src/f${i}.ts`] = SNIPPET;
    const dir = project(built.work, many);
    const child = spawn(process.execPath, [built.cli, '-f', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, sig) => done([c, sig])));
    expect(signal).toBeNull();
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

describe('ignore globs from the workspace are matched in linear time', () => {
  it('repeated **/ and many stars, on a deep path of long names: answers at once, and right', () => {
    const deepPath = `/r/${Array.from({ length: 25 }, (_, i) => `${'a'.repeat(40)}${i}`).join('/')}/x.ts`;
    const m = compileIgnore([`${'**/'.repeat(40)}x.ts`, `${'a*'.repeat(40)}b`, `*a${'*a'.repeat(40)}*z/`, '[z-a]'], '/r');
    const t0 = performance.now();
    expect(ignoredBy([m], deepPath, false)).toBe(true); // the first pattern: x.ts at any depth
    expect(ignoredBy([m], deepPath.replace(/x\.ts$/, 'y.ts'), false)).toBe(false);
    expect(ignoredBy([m], deepPath.replace(/\/x\.ts$/, ''), true)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(compileGlob('src/**/**/*.{ts,tsx}', { braces: true }).test('src/a/b/c.tsx')).toBe(true);
    expect(compileGlob('a*a*a*b').test('aaaab')).toBe(true);
    expect(compileGlob('[!a]*.ts').test('/x.ts')).toBe(false);
  });
});

describe("a script's 'use strict' prologue is read in linear time", () => {
  it('finds the directive after comments, and answers at once for a bundle of comments without it', () => {
    expect(startsUseStrict(`/* a */\n// b\n  'use strict';\nvar x = 010;`)).toBe(true);
    expect(startsUseStrict(`"use strict"`)).toBe(true);
    expect(startsUseStrict(`/*! lib */ (function () { 'use strict'; })();`)).toBe(false);
    expect(startsUseStrict(`/* never closed 'use strict'`)).toBe(false);
    expect(startsUseStrict(`// only a comment`)).toBe(false);
    // a bundled library: a banner, then code with pairs of adjacent comments and no directive (the
    // regular expression this replaced, `(\/\*[\s\S]*?\*\/\s*)*`, could end each comment at any later
    // `*/`: its time doubled with each pair, 0.1 s for 20 of them, seconds on a 150 KB library)
    const bundle = `/*! banner */\n(function () {\n${'  /* step */\n  /* more */\n  var a = 1; // note\n'.repeat(5_000)}})();`;
    const t0 = performance.now();
    expect(startsUseStrict(bundle)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
