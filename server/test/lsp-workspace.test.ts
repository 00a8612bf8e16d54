// The language server's project index without the protocol: background indexing of a folder,
// open documents overriding disk, watched-file changes, config reloads and the per-file guard.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CachelintSettings } from '../src/lsp/settings';
import { defaultSettings } from '../src/lsp/settings';
import { FolderIndex, Workspace } from '../src/lsp/workspace';

const READER = "import Redis from 'ioredis';\nexport const redis = new Redis();\nexport const load = (id: string) => redis.get(`user:v2:${id}`);\n";
const WRITER = "import { redis } from './reader';\nexport async function drop(id: string) {\n  await redis.del(`user:v1:${id}`);\n}\n";
// line 4 reloads user:1 on a miss: the key is a cache, so the write on line 3 is a finding
const NO_TTL =
  "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f(v: string) { await redis.set('user:1', v); }\n" +
  "export const g = async () => (await redis.get('user:1')) ?? (await fetch('/users/1')).text();\n";

let root: string;
let logs: string[];
let settings: Map<string, CachelintSettings>;

function folder(): FolderIndex {
  return new FolderIndex(root, { settingsFor: (f) => settings.get(f), log: (m) => logs.push(m) });
}

function write(rel: string, text: string): string {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

const codesOf = (f: FolderIndex, file: string) => (f.run(file)?.findings ?? []).map((x) => x.ruleId);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cachelint-ws-'));
  logs = [];
  settings = new Map();
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('FolderIndex', () => {
  it('indexes the folder in the background, skipping dependencies and declaration files', async () => {
    const reader = write('src/reader.ts', READER);
    const writer = write('src/writer.ts', WRITER);
    write('node_modules/lib/index.ts', NO_TTL);
    write('src/types.d.ts', 'export type A = 1;\n');
    const f = folder();
    const indexing = f.index();
    // nothing is read synchronously: requests arriving meanwhile are answered first
    expect(f.analyzer.files()).toEqual([]);
    await indexing;
    expect(f.analyzer.files().sort()).toEqual([reader, writer]);
    expect(codesOf(f, writer)).toEqual(['key-drift']);
  });

  it('lets open documents override the disk, and restores the disk text on close', async () => {
    const reader = write('src/reader.ts', READER);
    const writer = write('src/writer.ts', WRITER);
    const f = folder();
    await f.index();
    f.open(reader, READER.replace('user:v2:', 'user:v1:'));
    expect(codesOf(f, writer)).toEqual([]);
    // a watched change to an open file does not replace the editor's text
    expect(f.applyChanges([{ file: reader, type: 'changed' }])).toBe(false);
    expect(codesOf(f, writer)).toEqual([]);
    f.close(reader);
    expect(codesOf(f, writer)).toEqual(['key-drift']);
  });

  it('follows created, changed and deleted files', async () => {
    const writer = write('src/writer.ts', WRITER);
    const f = folder();
    await f.index();
    expect(codesOf(f, writer)).toEqual([]);
    const reader = write('src/reader.ts', READER);
    expect(f.applyChanges([{ file: reader, type: 'created' }])).toBe(true);
    expect(codesOf(f, writer)).toEqual(['key-drift']);
    rmSync(reader);
    expect(f.applyChanges([{ file: reader, type: 'deleted' }])).toBe(true);
    expect(codesOf(f, writer)).toEqual([]);
    expect(f.applyChanges([{ file: join(root, 'README.md'), type: 'changed' }])).toBe(false);
  });

  it('reloads .cachelintrc.json: severities and the ignore list', async () => {
    const a = write('src/a.ts', NO_TTL);
    const legacy = write('legacy/old.ts', NO_TTL);
    const f = folder();
    await f.index();
    expect(f.run(a)?.findings[0]).toMatchObject({ ruleId: 'missing-ttl', severity: 'warning' });
    const rc = write('.cachelintrc.json', '{ "rules": { "missing-ttl": "error" }, "ignore": ["legacy/**"] }');
    expect(f.applyChanges([{ file: rc, type: 'created' }])).toBe(true);
    await f.ready;
    expect(f.run(a)?.findings[0]).toMatchObject({ ruleId: 'missing-ttl', severity: 'error' });
    expect(f.isIgnored(legacy)).toBe(true);
    expect(f.analyzer.hasFile(legacy)).toBe(false);
  });

  it('follows a tsconfig change: imports are resolved again though no source file changed', async () => {
    const tsconfig = write('tsconfig.json', JSON.stringify({ compilerOptions: { paths: { '@k/*': ['./src/*'] } } }));
    write('src/keys.ts', 'export const userKey = (id: string) => `user:v2:${id}`;\n');
    write('src/legacy/keys.ts', 'export const userKey = (id: string) => `user:v1:${id}`;\n');
    write('src/reader.ts', "import Redis from 'ioredis';\nimport { userKey } from '@k/keys';\nexport const redis = new Redis();\nexport const load = (id: string) => redis.get(userKey(id));\n");
    const writer = write('src/writer.ts', WRITER);
    const f = folder();
    await f.index();
    expect(codesOf(f, writer)).toEqual(['key-drift']);
    // the alias now leads to the legacy builder, whose key the writer deletes
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { paths: { '@k/*': ['./src/legacy/*'] } } }));
    expect(f.applyChanges([{ file: tsconfig, type: 'changed' }])).toBe(true);
    await f.ready;
    expect(codesOf(f, writer)).toEqual([]);
  });

  it('applies per-resource settings on top of the config file', async () => {
    const a = write('src/a.ts', NO_TTL);
    const f = folder();
    await f.index();
    settings.set(a, { ...defaultSettings(), rules: { 'missing-ttl': 'off' } });
    f.generation++;
    expect(codesOf(f, a)).toEqual([]);
    settings.set(a, { ...defaultSettings(), defaultTtlSeconds: 90 });
    f.generation++;
    const [finding] = f.run(a)!.findings;
    expect(finding.fix?.edits[0].text).toContain('90');
  });

  it('keeps going when the engine throws on one file: that file is left out and logged', async () => {
    const bad = write('src/bad.ts', NO_TTL);
    const good = write('src/good.ts', NO_TTL);
    // a settings lookup that throws stands in for any engine failure on this one file
    const f = new FolderIndex(root, {
      settingsFor: (file) => {
        if (file === bad) throw new Error('boom');
        return undefined;
      },
      log: (m) => logs.push(m),
    });
    await f.index();
    expect(f.analyzer.hasFile(bad)).toBe(false);
    expect(logs.some((l) => l.includes('bad.ts') && l.includes('boom'))).toBe(true);
    expect(codesOf(f, good)).toEqual(['missing-ttl']);
    expect(f.setText(bad, NO_TTL)).toBe(false);
  });

  it('skips files over the size limit', () => {
    write('.cachelintrc.json', '{ "maxFileSize": 50 }');
    const big = write('src/big.ts', NO_TTL);
    const f = folder();
    expect(f.setText(big, NO_TTL)).toBe(false);
    expect(f.analyzer.hasFile(big)).toBe(false);
  });
});

describe('Workspace', () => {
  it('maps files to the innermost workspace folder, and others to the loose folder', () => {
    const w = new Workspace({ settingsFor: () => undefined, log: () => {} });
    const outer = w.add(root);
    const inner = w.add(join(root, 'packages', 'api'));
    expect(w.folderFor(join(root, 'packages', 'api', 'src', 'a.ts'))).toBe(inner);
    expect(w.folderFor(join(root, 'src', 'a.ts'))).toBe(outer);
    expect(w.folderFor(`${root}-other/a.ts`)).toBe(w.loose);
    expect(w.folderFor('/elsewhere/a.ts')).toBe(w.loose);
    w.remove(join(root, 'packages', 'api'));
    expect(w.folderFor(join(root, 'packages', 'api', 'src', 'a.ts'))).toBe(outer);
  });
});
