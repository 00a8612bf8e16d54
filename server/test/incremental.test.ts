// The editor's analyzer works incrementally: trees reparsed in place, files re-linked only when
// they changed, the project rules' indexes updated file by file (rules/file-index.ts), shape
// comparisons memoised across runs. None of that may change a finding: on the sample app and on
// every multi-file fixture, a seeded sequence of edits, removals and re-additions gives after each
// step exactly the findings (messages, spans, related locations, fixes) a fresh analyzer gives for
// the same texts. Replay with CACHELINT_INCREMENTAL_SEED=<seed>.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { Analyzer } from '../src/engine/run';
import { hasKeptTree } from '../src/facts/index';
import { FIXED_EXT, SOURCE_EXT } from './harness';
import { nextEdits, Rng } from './lsp-fuzz/edits';

const ROOT = path.resolve(__dirname, '../../test-fixtures');
const SEED = Number(process.env.CACHELINT_INCREMENTAL_SEED ?? 0x1ec);

function sources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') visit(p);
      } else if (SOURCE_EXT.test(e.name) && !FIXED_EXT.test(e.name) && !e.name.endsWith('.d.ts')) out.set(p, fs.readFileSync(p, 'utf8'));
    }
  };
  visit(dir);
  return out;
}

/**
 * Everything a finding says, in a stable order: of the files `run` asked about (the editor asks for
 * its open documents only), or of all files, kept to `only`.
 */
function snapshot(a: Analyzer, run?: string[], only?: string[]): string {
  const lines: string[] = [];
  for (const r of a.run(run).values()) {
    if (only && !only.includes(r.file)) continue;
    for (const e of r.parseErrors) lines.push(`${r.file} parse ${e.start}`);
    for (const f of r.findings) lines.push(JSON.stringify([f.file, f.ruleId, f.span, f.message, f.related, f.fix, f.suggestions]));
  }
  return lines.sort().join('\n');
}

/**
 * The cache model as the rules see it (model/cache-model.ts, derived from the previous link's
 * model in the editor): every key with its role, summary and ops, and what each op is.
 */
function modelSnapshot(a: Analyzer): string {
  const p = a.project();
  const m = p.model;
  const opId = (o: { file: string; call: { methodSpan: { start: number } }; kind: string }) => `${o.file}@${o.call.methodSpan.start}:${o.kind}`;
  const lines = [...m.keys.values()].map((k) =>
    JSON.stringify([k.id, k.role, k.kind, k.summary, k.reloads, k.evidence.length, ...[k.readers, k.writers, k.deleters, k.expirers, k.others].map((l) => l.map(opId))]),
  );
  for (const o of p.ops) lines.push(JSON.stringify([opId(o), m.keyOf(o)?.id, m.roleOf(o), m.isKeySite(o), m.isFill(o), m.opaqueCallersOf(o).map(opId)]));
  return lines.sort().join('\n');
}

function fresh(texts: Map<string, string>): Analyzer {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  for (const [f, t] of texts) a.setFile(f, t);
  return a;
}

/** Edits the project `steps` times; after each step the incremental analyzer must agree with a fresh one. */
function replay(dir: string, steps: number, rng: Rng): number {
  const original = sources(dir);
  const texts = new Map(original);
  const histories = new Map([...original].map(([f, t]) => [f, [t]]));
  const incremental = new Analyzer({ configFor: () => defaultConfig(), incremental: true });
  for (const [f, t] of texts) incremental.setFile(f, t);
  let findings = 0;
  const files = [...original.keys()];
  for (let step = 0; step < steps; step++) {
    const file = rng.pick(files);
    if (rng.chance(0.04) && texts.has(file)) {
      // a file deleted, then (later) restored as it was
      texts.delete(file);
      incremental.removeFile(file);
    } else {
      let text = texts.get(file) ?? original.get(file)!;
      if (rng.chance(0.4)) {
        // an edit that keeps the file parsing and its facts' counts: indentation or a comment at
        // a line start (everything after it moves)
        const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
        const at = rng.pick(starts);
        text = text.slice(0, at) + rng.pick([' ', '\t', '// note\n', '\n']) + text.slice(at);
      } else for (const e of nextEdits(rng, text, histories.get(file)!)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
      histories.get(file)!.push(text);
      texts.set(file, text);
      incremental.setFile(file, text);
    }
    // now and then the editor asks before every file is settled, in between edits
    if (rng.chance(0.3)) continue;
    // half the time as the editor asks: for a few open documents, the edited one among them
    const open = rng.chance(0.5) ? [...new Set([file, rng.pick(files), rng.pick(files)])].filter((f) => texts.has(f)) : undefined;
    const got = snapshot(incremental, open);
    const want = snapshot(fresh(texts), undefined, open);
    if (got !== want) expect.fail(`${path.relative(ROOT, dir)}, step ${step + 1} (seed ${SEED}, edited ${path.relative(dir, file)}):\nincremental:\n${got}\nfresh:\n${want}`);
    const gotModel = modelSnapshot(incremental);
    const wantModel = modelSnapshot(fresh(texts));
    if (gotModel !== wantModel) expect.fail(`cache model, ${path.relative(ROOT, dir)}, step ${step + 1} (seed ${SEED}, edited ${path.relative(dir, file)}):\nincremental:\n${gotModel}\nfresh:\n${wantModel}`);
    findings += want ? want.split('\n').length : 0;
  }
  return findings;
}

const multiFile = fs
  .readdirSync(ROOT)
  .filter((r) => r !== 'sample-app')
  .flatMap((rule) =>
    fs
      .readdirSync(path.join(ROOT, rule), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(ROOT, rule, e.name)),
  );

describe('incremental analysis', () => {
  it('agrees with a fresh analyzer after every edit of the sample app', () => {
    const findings = replay(path.join(ROOT, 'sample-app'), 150, new Rng(SEED));
    // the edits must leave findings to compare most of the time, not an empty project
    expect(findings).toBeGreaterThan(150);
  });

  it('agrees with a fresh analyzer after every edit of each multi-file fixture', () => {
    expect(multiFile.length).toBeGreaterThan(15);
    const rng = new Rng(SEED + 1);
    let findings = 0;
    for (const dir of multiFile) findings += replay(dir, 25, rng);
    expect(findings).toBeGreaterThan(multiFile.length * 10);
    // grows with the multi-file fixtures (about a second each on the CI machine type)
  }, 300_000);
});

describe('the cache model after an edit', () => {
  it('re-reads the callers of a wrapper whose key text changed while what other files see of it did not', () => {
    // the callers pass bare values: their key family is the facade's inner key, named by its text
    const facade = '/p/kv.ts';
    const caller = '/p/summaries.ts';
    const facadeText = (key: string) =>
      `import Redis from 'ioredis';\nconst redis = new Redis();\nexport class Kv {\n  save(scope: string, id: string, v: string) { return redis.set(${key}, v); }\n  load(scope: string, id: string) { return redis.get(${key}); }\n}\n`;
    const callerText = `import { Kv } from './kv';\nconst kv = new Kv();\nexport async function cached(scope: string, id: string) {\n  const hit = await kv.load(scope, id);\n  if (hit) return hit;\n  const v = await fetch(id).then((r) => r.text());\n  await kv.save(scope, id, v);\n  return v;\n}\n`;
    const texts = new Map([
      [facade, facadeText('`${scope}${id}`')],
      [caller, callerText],
    ]);
    const incremental = new Analyzer({ configFor: () => defaultConfig(), incremental: true });
    for (const [f, t] of texts) incremental.setFile(f, t);
    const before = modelSnapshot(incremental);
    texts.set(facade, facadeText('`${scope}${ id }`'));
    incremental.setFile(facade, texts.get(facade)!);
    const after = modelSnapshot(incremental);
    // the edit renames the key family (else this test would show nothing)
    expect(after).not.toBe(before);
    expect(after).toBe(modelSnapshot(fresh(texts)));
  });
});

describe('a file opened in the editor', () => {
  it('has its tree parsed ahead, so that its first keystroke is an incremental reparse', () => {
    const file = '/p/opened-ahead.ts';
    const text = `import Redis from 'ioredis';\nconst redis = new Redis();\nexport const save = (id: string, v: string) => redis.set(\`user:\${id}\`, v);\n`;
    const a = new Analyzer({ configFor: () => defaultConfig(), incremental: true });
    // read by the workspace index: no tree kept
    a.setFile(file, text);
    expect(hasKeptTree(file, text)).toBe(false);
    a.keepTree(file);
    expect(hasKeptTree(file, text)).toBe(true);
    const typed = text.replace('export const', 'export  const');
    a.setFile(file, typed);
    expect(hasKeptTree(file, typed)).toBe(true);
    // the CLI's analyzer keeps no trees
    const cli = new Analyzer({ configFor: () => defaultConfig() });
    const other = '/p/cli-only.ts';
    cli.setFile(other, text);
    cli.keepTree(other);
    expect(hasKeptTree(other, text)).toBe(false);
  });
});


describe('module answers across links', () => {
  it('are kept when an edit changes exports but not which files there are, and dropped otherwise', () => {
    const keys = '/p/keys-mod.ts';
    const job = '/p/job-mod.ts';
    const keysText = (v: string) => `export const userKey = (id: string) => \`user:${v}:\${id}\`;\n`;
    const jobText = `import Redis from 'ioredis';\nimport { userKey } from './keys-mod';\nconst redis = new Redis();\nexport const drop = (id: string) => redis.del(userKey(id));\n`;
    const a = new Analyzer({ configFor: () => defaultConfig(), incremental: true });
    a.setFile(keys, keysText('v1'));
    a.setFile(job, jobText);
    const first = a.project().modules;
    expect(first.resolve(job, './keys-mod')).toBe(keys);
    // the exported key changes: every file is linked again, where imports lead is not asked again
    a.setFile(keys, keysText('v2'));
    expect(a.project().modules).toBe(first);
    // a new file may be what an import names now
    a.setFile('/p/other-mod.ts', 'export const x = 1;\n');
    const third = a.project().modules;
    expect(third).not.toBe(first);
    // a layout change (tsconfig, package.json) drops the answers
    a.relink();
    expect(a.project().modules).not.toBe(third);
  });
});
