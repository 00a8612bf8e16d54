// The editor reparses edited files incrementally (ts.updateSourceFile on the previous tree). That
// must never change a fact: on every fixture file and the sample app, a seeded sequence of edits
// (typing, pasting cache code and garbage, deleting, undoing) gives after each edit exactly the
// facts a fresh parse of the same text gives. Replay with CACHELINT_REPARSE_SEED=<seed>.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { reparse, parse } from '../src/syntax/walk';
import { extractFacts } from '../src/facts/index';
import { FIXED_EXT, SOURCE_EXT } from './harness';
import { nextEdits, Rng } from './lsp-fuzz/edits';

const ROOT = path.resolve(__dirname, '../../test-fixtures');
const SEED = Number(process.env.CACHELINT_REPARSE_SEED ?? 0xcafe);
const STEPS = 10;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...sourceFiles(p));
    } else if (SOURCE_EXT.test(e.name) && !FIXED_EXT.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

const files = sourceFiles(ROOT);

/** FNV-1a of a fixture's path: each file's edits depend on the seed and the file, not on the files before it. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The facts as JSON, or how extraction failed (5,000 nested brackets exhaust the parser's stack).
 * A parse error's message is compared by its first sentence: TypeScript's incremental parser
 * sometimes leaves out the hint a fresh parse appends ("This '=' follows a block of statements…"),
 * and at the same place may say "Statement expected." where a fresh parse says "Declaration or
 * statement expected." (the same error, worded by the parser state it resumed from).
 */
function outcome(extract: () => unknown): string {
  try {
    const facts = extract() as { parseErrors?: { start: number; message: string }[] };
    const parseErrors = facts.parseErrors?.map((e) => ({ start: e.start, message: e.message.replace(/\. .*$/s, '.').replace(/^Declaration or statement expected\.$/, 'Statement expected.') }));
    return JSON.stringify({ ...facts, parseErrors });
  } catch (e) {
    return `throws ${(e as Error).constructor.name}`;
  }
}

describe('incremental reparse', () => {
  it('finds fixture files to edit', () => {
    expect(files.length).toBeGreaterThan(250);
  });

  // One test per file, each seeded by its own path: a slow machine times out no test for the
  // sum of 900 files, and a failure names the file and replays alone.
  const config = defaultConfig();
  it.each(files.map((f) => path.relative(ROOT, f)))('gives the facts a fresh parse gives, after every edit of %s', (rel) => {
    const file = path.join(ROOT, rel);
    const rng = new Rng(SEED ^ hashOf(rel));
    const original = fs.readFileSync(file, 'utf8');
    // a name of its own: the extractor keeps trees by file name
    const name = `${file}.reparse${path.extname(file)}`;
    let text = original;
    const history = [original];
    outcome(() => extractFacts(name, text, config, { keepTree: true }));
    for (let step = 0; step < STEPS; step++) {
      for (const e of nextEdits(rng, text, history)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
      history.push(text);
      const incremental = outcome(() => extractFacts(name, text, config, { keepTree: true }));
      const fresh = outcome(() => extractFacts(name, text, config));
      if (incremental !== fresh) expect.fail(`${rel} after edit ${step + 1} (seed ${SEED}): incremental facts differ\n${text}`);
    }
  });

  it('reuses the unchanged nodes of the previous tree', () => {
    const text = 'export function a() { return 1; }\nexport function b() { return 2; }\n';
    const before = parse('x.ts', text);
    const untouched = before.statements[1];
    const after = reparse(before, text.replace('return 1', 'return 10'));
    expect(after.statements[1]).toBe(untouched);
    expect(after.statements[1].getStart(after)).toBe(text.indexOf('export function b') + 1);
    expect(after.statements[0].getText(after)).toContain('return 10');
  });
});
