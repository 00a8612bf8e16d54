// The packaged VS Code extension, as `npm run package` builds it: exactly the bundles and the
// assets the manifest points at, the user README, a manifest whose contributions match the code
// (commands registered, settings the server reads, walkthrough pages shipped, schemas present),
// and "cachelint" as the only name a user sees.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusView } from '../../client/src/status';
import { defaultSettings } from '../src/lsp/settings';
import { RULE_IDS } from '../src/rule';
import { REPO } from './e2e/build';
import { packageExtension } from './e2e/tools';

interface Manifest {
  icon: string;
  contributes: {
    configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string; properties?: Record<string, unknown> }> };
    commands: { command: string; title: string; category: string }[];
    jsonValidation: { fileMatch: string; url: string }[];
    walkthroughs: { id: string; title: string; steps: { id: string; description: string; media: { markdown?: string } }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;
const extensionSource = readFileSync(join(REPO, 'client/src/extension.ts'), 'utf8');

/** The files of a zip (a .vsix is one): name → its bytes, read through the central directory. */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const nameLen = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    const data = zip.subarray(local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)).subarray(0, size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

let tmp: string;
let entries: string[];
let files: Map<string, Buffer>;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cachelint-vsix-'));
  const vsix = await packageExtension(tmp);
  files = zipEntries(readFileSync(vsix));
  entries = [...files.keys()].sort();
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the .vsix', () => {
  it('ships the bundles, the rule pages and the assets the manifest points at, nothing else', () => {
    const walkthrough = readdirSync(join(REPO, 'walkthrough')).map((f) => `extension/walkthrough/${f}`);
    const schemas = readdirSync(join(REPO, 'schemas')).map((f) => `extension/schemas/${f}`);
    expect(entries).toEqual(
      [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/package.json',
        'extension/readme.md',
        'extension/changelog.md',
        'extension/images/icon.png',
        'extension/dist/client.js',
        'extension/dist/server.js',
        ...RULE_IDS.map((id) => `extension/dist/docs/rules/${id}.md`),
        ...schemas,
        ...walkthrough,
      ].sort(),
    );
  });

  it('has the Marketplace README (client/README.md), with its screenshot', () => {
    const readme = readFileSync(join(REPO, 'client/README.md'), 'utf8');
    expect(files.get('extension/readme.md')!.toString('utf8')).toBe(readme);
    expect(readme).toMatch(/^# cachelint for VS Code/);
    expect(readme).toContain('images/screenshot.png');
    expect(readme).not.toContain('npm test');
  });
});

describe('the manifest', () => {
  it('names the product "cachelint" wherever a user sees it', () => {
    const visible = JSON.stringify(manifest) + extensionSource + readFileSync(join(REPO, 'client/README.md'), 'utf8');
    expect(visible).not.toMatch(/Cache Lint/i);
    expect(manifest.contributes.configuration.title).toBe('cachelint');
    for (const c of manifest.contributes.commands) expect(c.category, c.command).toBe('cachelint');
  });

  it('contributes exactly the commands the extension registers', () => {
    const registered = [...extensionSource.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]).sort();
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual(registered);
  });

  it('contributes the settings the server reads, each with a markdownDescription', () => {
    const props = manifest.contributes.configuration.properties;
    const top = [...new Set(Object.keys(props).map((k) => k.replace(/^cachelint\./, '').split('.')[0]))].sort();
    expect(top).toEqual(Object.keys(defaultSettings()).sort());
    for (const [key, p] of Object.entries(props)) {
      expect(p.markdownDescription, key).toMatch(/\S/);
      expect(p.description, key).toBeUndefined();
    }
    expect(Object.keys(props['cachelint.rules'].properties!)).toEqual([...RULE_IDS]);
  });

  it('points at files that exist: icon (a 128×128 PNG), schemas, walkthrough pages', () => {
    const icon = readFileSync(join(REPO, manifest.icon));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
    for (const v of manifest.contributes.jsonValidation) expect(entries, v.url).toContain(`extension/${v.url.replace(/^\.\//, '')}`);
    const [walk] = manifest.contributes.walkthroughs;
    expect(walk.title).toBe('Tell cachelint about your cache wrapper');
    for (const s of walk.steps) expect(entries, s.id).toContain(`extension/${s.media.markdown}`);
    // the first step opens the config; the two keys it is about each have a step
    expect(walk.steps[0].description).toContain('command:cachelint.openConfig');
    expect(walk.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['wrappers', 'cache-modules']));
  });
});

describe('the status item', () => {
  it('counts the files being indexed, and says when it is ready', () => {
    expect(statusView({ state: 'indexing', lastAnalysisMs: 0, files: 1509 })).toMatchObject({ text: 'cachelint: indexing 1,509 files…', busy: true });
    expect(statusView({ state: 'indexing', lastAnalysisMs: 0 }).text).toBe('cachelint: indexing…');
    expect(statusView({ state: 'ready', lastAnalysisMs: 12 })).toMatchObject({ text: 'cachelint', detail: 'last analysis 12 ms', busy: false });
    expect(statusView({ state: 'stopped', lastAnalysisMs: 0 })).toMatchObject({ text: 'cachelint: stopped', warning: true });
  });

  it('shows what the analysis saw, and turns to a warning when cachelint cannot see the cache code', () => {
    const folder = (total: number, notice?: string) => ({
      root: '/ws/app',
      summary: ['12 files analysed (9 parsed)', `${total} cache calls: ioredis via RedisService (${total})`, '3 keys: 3 cache, 0 not a cache, 0 unknown', 'cache libraries in use: ioredis'],
      coverage: { calls: { total } },
      ...(notice ? { notice } : {}),
    });
    const ready = { state: 'ready' as const, lastAnalysisMs: 12 };
    expect(statusView(ready, { folders: [folder(37)] })).toEqual({
      text: 'cachelint: 37 cache calls',
      detail: '12 files analysed (9 parsed) · 37 cache calls: ioredis via RedisService (37) · 3 keys: 3 cache, 0 not a cache, 0 unknown · last analysis 12 ms',
      busy: false,
      warning: false,
    });
    expect(statusView(ready, { folders: [folder(0, 'This workspace uses ioredis, but …')] })).toMatchObject({ text: 'cachelint: no cache calls recognised', warning: true });
  });
});
