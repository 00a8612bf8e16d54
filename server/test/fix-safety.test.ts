// Fixes never corrupt code. In process, over every fixture case and the sample app: each offered fix
// or suggestion, applied alone, parses with no new syntax error, removes its finding, brings no
// finding of another rule, and changes only its edit ranges. Through the built CLI: `--fix` is
// idempotent, agrees with `--fix-dry-run`, writes atomically, keeps line endings, BOM, mode and
// symlinks, touches only the files it was given, and leaves alone files that changed meanwhile,
// are read-only or are not UTF-8.
import { chmodSync, cpSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../src/engine/edits';
import { scriptKindFor } from '../src/syntax/walk';
import type { LintResult } from '../src/report/json';
import type { Edit, Finding } from '../src/rule';
import { analyse, FIXED_EXT, readCase, SOURCE_EXT } from './harness';
import { buildCli, expectNoCrash, parseJson, project, runCli, SNIPPET, type BuiltCli } from './reliability-fixtures/built-cli';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures');

/** Every case: one file or one folder under test-fixtures/<rule>/, and the sample app's src. */
function allCases(): string[] {
  const out: string[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, rule);
    if (rule === 'sample-app' || !statSync(dir).isDirectory()) continue;
    for (const e of readdirSync(dir).sort()) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory() || (SOURCE_EXT.test(e) && !FIXED_EXT.test(e))) out.push(p);
    }
  }
  out.push(path.join(FIXTURES, 'sample-app', 'src'));
  return out;
}

function parseErrorCount(file: string, text: string): number {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
  return ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length;
}

function sortedEdits(edits: readonly Edit[]): Edit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Where the text at `offset` is after the edits (inside a replaced range: the range's start). */
function mapOffset(offset: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const e of sortedEdits(edits)) {
    if (e.end <= offset) delta += e.text.length - (e.end - e.start);
    else if (e.start <= offset) return e.start + delta;
    else break;
  }
  return offset + delta;
}

/** Problems with the edits themselves, checked independently of applyEdits. */
function editProblems(text: string, edits: readonly Edit[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const e of sortedEdits(edits)) {
    if (!(0 <= e.start && e.start <= e.end && e.end <= text.length)) problems.push(`edit [${e.start}, ${e.end}) outside the text (${text.length})`);
    if (e.start < last) problems.push(`edit [${e.start}, ${e.end}) overlaps the previous one`);
    last = e.end;
    for (const at of new Set([e.start, e.end])) {
      // a boundary between \r and \n, or inside a surrogate pair, splits a character in two
      if (text[at - 1] === '\r' && text[at] === '\n') problems.push(`edit boundary ${at} splits a CRLF`);
      const c = text.charCodeAt(at);
      if (c >= 0xdc00 && c <= 0xdfff && at > 0) problems.push(`edit boundary ${at} splits a surrogate pair`);
    }
  }
  return problems;
}

/** The text outside the edit ranges is unchanged, and each range holds exactly its edit's text. */
function expectOnlyEditRangesChanged(before: string, after: string, edits: readonly Edit[]): void {
  let pos = 0;
  let out = 0;
  for (const e of sortedEdits(edits)) {
    const keep = before.slice(pos, e.start);
    expect(after.slice(out, out + keep.length)).toBe(keep);
    out += keep.length;
    expect(after.slice(out, out + e.text.length)).toBe(e.text);
    out += e.text.length;
    pos = e.end;
  }
  expect(after.slice(out)).toBe(before.slice(pos));
}

const key = (f: Finding, start = f.span.start) => `${f.file}\u0000${f.ruleId}\u0000${f.messageId}\u0000${start}`;

describe('the checks themselves catch bad edits', () => {
  it('edits that split a CRLF or a surrogate pair, overlap or leave the text', () => {
    const text = 'a\r\nb\u{1F600}c';
    expect(editProblems(text, [{ start: 2, end: 2, text: 'x' }])).toEqual(['edit boundary 2 splits a CRLF']);
    expect(editProblems(text, [{ start: 5, end: 6, text: '' }])).toEqual(['edit boundary 5 splits a surrogate pair']);
    expect(editProblems(text, [{ start: 0, end: 1, text: '' }, { start: 0, end: 1, text: 'b' }])).toEqual(['edit [0, 1) overlaps the previous one']);
    expect(editProblems(text, [{ start: 7, end: 99, text: '' }])).toEqual([`edit [7, 99) outside the text (${text.length})`]);
    expect(editProblems(text, [{ start: 0, end: 1, text: 'A' }, { start: 4, end: 6, text: '' }])).toEqual([]);
  });

  it('offsets move with the edits', () => {
    const edits = [{ start: 2, end: 4, text: 'xyz' }, { start: 10, end: 10, text: 'ab' }];
    expect([0, 2, 3, 4, 9, 10, 11].map((o) => mapOffset(o, edits))).toEqual([0, 2, 2, 5, 10, 13, 14]);
  });
});

describe('every offered fix and suggestion, applied alone (fixtures and sample app)', () => {
  let offered = 0;
  afterAll(() => {
    console.log(`fix safety: ${offered} fixes and suggestions checked over ${allCases().length} cases`);
  });

  for (const c of allCases()) {
    it(path.relative(FIXTURES, c), () => {
      const sources = readCase(c);
      const results = analyse(sources);
      const findings = [...results.values()].flatMap((r) => r.findings);
      for (const f of findings) {
        const offers = [...(f.fix ? [f.fix] : []), ...f.suggestions];
        for (const offer of offers) {
          offered++;
          const what = `${path.basename(f.file)} ${f.ruleId} "${offer.title}"`;
          const before = sources[f.file];
          expect(editProblems(before, offer.edits), what).toEqual([]);
          const after = applyEdits(before, offer.edits);
          expectOnlyEditRangesChanged(before, after, offer.edits);
          expect(parseErrorCount(f.file, after), `${what}: new syntax errors`).toBeLessThanOrEqual(parseErrorCount(f.file, before));

          const again = [...analyse({ ...sources, [f.file]: after }).values()];
          expect(again.flatMap((r) => r.parseErrors.map((e) => `${path.basename(r.file)}: ${e.message}`)), what).toEqual([]);
          const now = again.flatMap((r) => r.findings);
          // the finding itself is gone (looked up where its start moved to)
          const gone = key(f, mapOffset(f.span.start, offer.edits));
          expect(now.map((g) => key(g)), `${what}: the finding is still reported`).not.toContain(gone);
          // and no other rule (or an unused-directive report) fires where it did not before
          const had = new Set(findings.map((g) => key(g, g.file === f.file ? mapOffset(g.span.start, offer.edits) : g.span.start)));
          const added = now.filter((g) => g.ruleId !== f.ruleId && !had.has(key(g)));
          expect(added.map((g) => `${path.basename(g.file)} ${g.ruleId}: ${g.message}`), `${what}: new findings of other rules`).toEqual([]);
        }
      }
    });
  }
});

// ---- through the CLI ----

let built: BuiltCli;
beforeAll(async () => {
  built = await buildCli('fix');
});
afterAll(() => built?.dispose());

const FIXED_LINE = "export async function f(v: string) { await redis.set('user:1', v, 'EX', 60); }";
const CONFIG = '{ "defaultTtlSeconds": 60 }';

/** Every file under `dir` (links not followed): path → content, mtime and inode. */
function snapshot(dir: string): Map<string, { text: Buffer; mtimeMs: number; ino: number }> {
  const out = new Map<string, { text: Buffer; mtimeMs: number; ino: number }>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) {
        const st = statSync(p);
        out.set(path.relative(dir, p), { text: readFileSync(p), mtimeMs: st.mtimeMs, ino: st.ino });
      }
    }
  };
  visit(dir);
  return out;
}

const tempFiles = (snap: Map<string, unknown>) => [...snap.keys()].filter((f) => /(^|\/)\.[^/]+\.\d+\.[a-z0-9]+\.tmp$/.test(f));

describe('--fix over a copy of every fixture (defaultTtlSeconds set, so missing-ttl fixes are safe)', () => {
  it('agrees with --fix-dry-run, fixes something, and a second --fix changes nothing', () => {
    const root = project(built.work, { '.cachelintrc.json': CONFIG });
    cpSync(FIXTURES, path.join(root, 'fixtures'), { recursive: true });
    const original = snapshot(root);

    const dry = runCli(built.cli, root, ['--fix-dry-run', '-f', 'json', 'fixtures'], { timeoutMs: 120_000 });
    expectNoCrash(dry);
    const planned = new Map(parseJson(dry).filter((r: LintResult) => r.output !== undefined).map((r) => [path.relative(root, r.filePath), r.output!]));
    expect(snapshot(root)).toEqual(original);

    const first = runCli(built.cli, root, ['--fix', 'fixtures'], { timeoutMs: 120_000 });
    expectNoCrash(first);
    const once = snapshot(root);
    const changed = [...once.keys()].filter((f) => !once.get(f)!.text.equals(original.get(f)!.text));
    console.log(`--fix over the fixtures: ${changed.length} of ${once.size} files changed`);
    expect(changed.length).toBeGreaterThan(10);
    expect(changed.sort()).toEqual([...planned.keys()].sort());
    for (const f of changed) {
      const text = once.get(f)!.text.toString('utf8');
      expect(text, f).toBe(planned.get(f));
      expect(parseErrorCount(f, text), `${f}: new syntax errors`).toBeLessThanOrEqual(parseErrorCount(f, original.get(f)!.text.toString('utf8')));
      // atomic replacement: a new inode
      expect(once.get(f)!.ino, f).not.toBe(original.get(f)!.ino);
    }
    for (const [f, s] of once)
      if (!changed.includes(f)) expect({ f, mtimeMs: s.mtimeMs, ino: s.ino }).toEqual({ f, mtimeMs: original.get(f)!.mtimeMs, ino: original.get(f)!.ino });
    expect(tempFiles(once)).toEqual([]);

    const second = runCli(built.cli, root, ['--fix', 'fixtures'], { timeoutMs: 120_000 });
    expectNoCrash(second);
    expect(second.code).toBe(first.code);
    expect(snapshot(root)).toEqual(once);
  }, 300_000);
});

describe('--fix writes safely', () => {
  it('replaces the file atomically (new inode, no temp file left), keeps CRLF, the BOM and the mode', () => {
    const root = project(built.work, { '.cachelintrc.json': CONFIG, 'a.ts': `\uFEFF${SNIPPET.replace(/\n/g, '\r\n')}`, 'lf.ts': SNIPPET });
    const file = path.join(root, 'a.ts');
    chmodSync(file, 0o754);
    const ino = statSync(file).ino;
    expectNoCrash(runCli(built.cli, root, ['--fix']));
    const out = readFileSync(file);
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = out.toString('utf8').slice(1);
    expect(text).toBe(`${SNIPPET.replace(/\n/g, '\r\n').replace(SNIPPET.split('\n')[2], FIXED_LINE)}`);
    expect(statSync(file).ino).not.toBe(ino);
    expect(statSync(file).mode & 0o777).toBe(0o754);
    expect(readFileSync(path.join(root, 'lf.ts'), 'utf8')).toBe(SNIPPET.replace(SNIPPET.split('\n')[2], FIXED_LINE));
    expect(tempFiles(snapshot(root))).toEqual([]);
  });

  it('a symlinked file stays a link; its target is fixed', () => {
    const root = project(built.work, { '.cachelintrc.json': CONFIG, 'real/a.ts': SNIPPET });
    symlinkSync(path.join(root, 'real/a.ts'), path.join(root, 'link.ts'));
    expectNoCrash(runCli(built.cli, root, ['--fix', 'link.ts']));
    expect(lstatSync(path.join(root, 'link.ts')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'real/a.ts'), 'utf8')).toContain(FIXED_LINE);
  });

  it('touches only the files it was given', () => {
    const root = project(built.work, { '.cachelintrc.json': CONFIG, 'src/a.ts': SNIPPET, 'src/b.ts': SNIPPET, 'other/c.ts': SNIPPET });
    const before = snapshot(root);
    expectNoCrash(runCli(built.cli, root, ['--fix', 'src/a.ts']));
    const after = snapshot(root);
    expect(after.get('src/a.ts')!.text.toString()).toContain(FIXED_LINE);
    for (const f of ['src/b.ts', 'other/c.ts', '.cachelintrc.json']) expect(after.get(f), f).toEqual(before.get(f));
  });

  it('leaves a file alone when it changed on disk after it was read', () => {
    const root = project(built.work, { '.cachelintrc.json': CONFIG, 'a.ts': SNIPPET });
    // The seam: the second read of a.ts (the check before writing) finds it edited meanwhile.
    const hook = path.join(built.work, 'edit-meanwhile.cjs');
    writeFileSync(
      hook,
      `const fs = require('fs');
let n = 0;
// reads of a.ts, through whichever function the CLI uses: the second one is the check
const hook = (original) => function (p, ...rest) {
  if (typeof p === 'string' && p.endsWith('/a.ts') && ++n === 2) fs.appendFileSync(p, '// edited meanwhile\\n');
  return original.call(this, p, ...rest);
};
fs.readFileSync = hook(fs.readFileSync);
fs.openSync = hook(fs.openSync);
`,
    );
    const r = runCli(built.cli, root, ['--fix'], { preload: hook });
    expectNoCrash(r);
    expect(r.stderr).toContain(`cachelint: Fixes not written to ${path.join(root, 'a.ts')}: the file changed on disk while cachelint ran.`);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(`${SNIPPET}// edited meanwhile\n`);
  });

  it('does not replace a read-only file (a rename would, even as a normal user)', () => {
    const root = project(built.work, { '.cachelintrc.json': CONFIG, 'a.ts': SNIPPET });
    const file = path.join(root, 'a.ts');
    chmodSync(file, 0o444);
    const r = runCli(built.cli, root, ['--fix']);
    expectNoCrash(r);
    expect(r.stderr).toContain(`cachelint: Fixes not written to ${file}: the file is read-only.`);
    expect(readFileSync(file, 'utf8')).toBe(SNIPPET);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('does not rewrite a file that is not valid UTF-8 (its other bytes would become U+FFFD)', () => {
    const latin1 = Buffer.concat([Buffer.from(SNIPPET.replace('export', '// caf\xe9\nexport'), 'latin1')]);
    const root = project(built.work, { '.cachelintrc.json': CONFIG, 'a.ts': latin1, 'b.ts': SNIPPET });
    const r = runCli(built.cli, root, ['--fix', '-f', 'json']);
    expectNoCrash(r);
    expect(readFileSync(path.join(root, 'a.ts')).equals(latin1)).toBe(true);
    expect(r.stderr).toContain(`cachelint: Fixes skipped for ${path.join(root, 'a.ts')}: the file is not valid UTF-8`);
    const [a, b] = parseJson(r);
    // still reported (it was not fixed), while the valid file next to it was
    expect(a.messages.map((m) => m.ruleId)).toEqual(['missing-ttl']);
    expect(b.messages).toEqual([]);
    expect(readFileSync(path.join(root, 'b.ts'), 'utf8')).toContain(FIXED_LINE);
  });
});
