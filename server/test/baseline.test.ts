// The baseline's matching and bookkeeping (engine/baseline.ts), pure: ESLint's bulk-suppression
// semantics (lib/services/suppressions-service.js) are the reference.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BaselineError,
  baselineFileFor,
  baselineKey,
  countByRule,
  baselineFinder,
  findBaseline,
  parseBaseline,
  pruneCounts,
  recordCounts,
  serializeBaseline,
  splitByBaseline,
  type Baseline,
} from '../src/engine/baseline';
import { isFlowFile } from '../src/engine/flow';
import type { Finding, RuleId } from '../src/rule';

const finding = (ruleId: RuleId | null, start: number): Finding => ({
  ruleId,
  messageId: 'm',
  message: 'm',
  file: '/p/a.ts',
  span: { start, end: start + 1 },
  severity: 'warning',
  related: [],
  suggestions: [],
});
const all = () => true;

describe('splitByBaseline', () => {
  it('baselines every finding of a rule while the count holds, and reports them all once it is exceeded', () => {
    const entry = { 'missing-ttl': { count: 2 } };
    const two = [finding('missing-ttl', 1), finding('missing-ttl', 5)];
    expect(splitByBaseline(entry, two, all)).toEqual({ kept: [], baselined: two, unused: {} });
    // a third one: which is new cannot be told, so all three show (as ESLint does)
    const three = [...two, finding('missing-ttl', 9)];
    expect(splitByBaseline(entry, three, all)).toMatchObject({ kept: three, baselined: [] });
  });

  it('counts rules separately and never baselines findings without a rule (unused directives)', () => {
    const entry = { 'missing-ttl': { count: 1 } };
    const fs = [finding('missing-ttl', 1), finding('key-drift', 2), finding(null, 3)];
    const r = splitByBaseline(entry, fs, all);
    expect(r.baselined).toEqual([fs[0]]);
    expect(r.kept).toEqual([fs[1], fs[2]]);
  });

  it('reports what no longer occurs, only for rules that ran', () => {
    const entry = { 'missing-ttl': { count: 3 }, 'key-drift': { count: 1 }, 'set-after-commit': { count: 2 } };
    const fs = [finding('missing-ttl', 1)];
    const ran = (id: string) => id !== 'set-after-commit';
    expect(splitByBaseline(entry, fs, ran).unused).toEqual({ 'missing-ttl': 2, 'key-drift': 1 });
    // a finding of a rule that did not run is never matched either
    expect(splitByBaseline({ 'set-after-commit': { count: 1 } }, [finding('set-after-commit', 1)], ran).kept).toHaveLength(1);
  });
});

describe('recording and pruning', () => {
  it('--write-baseline replaces the judged rules of a file and keeps the others', () => {
    const b: Baseline = { 'a.ts': { 'missing-ttl': { count: 4 }, 'key-drift': { count: 1 } }, 'b.ts': { 'key-drift': { count: 1 } } };
    recordCounts(b, 'a.ts', { 'missing-ttl': 2 }, (id) => id === 'missing-ttl');
    expect(b).toEqual({ 'a.ts': { 'missing-ttl': { count: 2 }, 'key-drift': { count: 1 } }, 'b.ts': { 'key-drift': { count: 1 } } });
    recordCounts(b, 'b.ts', {}, all);
    expect(b['b.ts']).toBeUndefined();
  });

  it('--prune-baseline lowers counts to what occurs and never raises them', () => {
    const b: Baseline = { 'a.ts': { 'missing-ttl': { count: 3 }, 'key-drift': { count: 1 } } };
    pruneCounts(b, 'a.ts', { 'missing-ttl': 5, 'key-drift': 0 }, all);
    expect(b).toEqual({ 'a.ts': { 'missing-ttl': { count: 3 } } });
    pruneCounts(b, 'a.ts', { 'missing-ttl': 1 }, all);
    expect(b).toEqual({ 'a.ts': { 'missing-ttl': { count: 1 } } });
    pruneCounts(b, 'a.ts', {}, all);
    expect(b).toEqual({});
  });

  it('counts per rule and serialises sorted, with a final newline', () => {
    expect(countByRule([finding('key-drift', 1), finding('key-drift', 2), finding(null, 3)], all)).toEqual({ 'key-drift': 2 });
    const text = serializeBaseline({ 'z.ts': { 'missing-ttl': { count: 1 } }, 'a.ts': { 'missing-ttl': { count: 1 }, 'key-drift': { count: 2 } }, 'e.ts': {} });
    expect(text).toBe(
      '{\n  "a.ts": {\n    "key-drift": {\n      "count": 2\n    },\n    "missing-ttl": {\n      "count": 1\n    }\n  },\n  "z.ts": {\n    "missing-ttl": {\n      "count": 1\n    }\n  }\n}\n',
    );
    expect(parseBaseline('b.json', text)).toEqual({ 'a.ts': { 'key-drift': { count: 2 }, 'missing-ttl': { count: 1 } }, 'z.ts': { 'missing-ttl': { count: 1 } } });
  });

  it('names what is wrong in a malformed baseline', () => {
    expect(() => parseBaseline('/p/b.json', '{')).toThrow(BaselineError);
    expect(() => parseBaseline('/p/b.json', '[]')).toThrow(/expected an object of files/);
    expect(() => parseBaseline('/p/b.json', '{"a.ts": {"missing-ttl": 2}}')).toThrow(/"a\.ts" → "missing-ttl": expected \{ "count"/);
    expect(() => parseBaseline('/p/b.json', '{"a.ts": {"missing-ttl": {"count": -1}}}')).toThrow(BaselineError);
  });
});

describe('where the baseline lives', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cachelint-baseline-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (rel: string, text = '{}') => {
    mkdirSync(join(tmp, rel, '..'), { recursive: true });
    writeFileSync(join(tmp, rel), text);
  };

  it('sits next to the nearest package.json or config, and is found from below', () => {
    mkdirSync(join(tmp, '.git'), { recursive: true });
    write('packages/api/package.json');
    write('packages/api/src/deep/a.ts', '');
    const file = join(tmp, 'packages/api/src/deep/a.ts');
    expect(findBaseline(file)).toBeUndefined();
    expect(baselineFileFor(file)).toBe(join(tmp, 'packages/api/cachelint-baseline.json'));
    expect(baselineKey(join(tmp, 'packages/api/cachelint-baseline.json'), file)).toBe('src/deep/a.ts');
    // one kept at the repository root serves every package below it
    write('cachelint-baseline.json');
    expect(findBaseline(file)).toBe(join(tmp, 'cachelint-baseline.json'));
    expect(baselineFileFor(file)).toBe(join(tmp, 'cachelint-baseline.json'));
  });

  it("is found for a run's files folder by folder, as for each file alone", () => {
    const root = join(tmp, 'finder');
    mkdirSync(join(root, '.git'), { recursive: true });
    write('finder/services/api/cachelint-baseline.json');
    write('finder/services/api/src/a.ts', '');
    write('finder/services/api/src/deep/b.ts', '');
    write('finder/services/web/src/c.ts', '');
    // a nested repository stops the climb
    mkdirSync(join(root, 'vendor/lib/.git'), { recursive: true });
    write('finder/vendor/lib/src/d.ts', '');
    const files = ['services/api/src/a.ts', 'services/api/src/deep/b.ts', 'services/web/src/c.ts', 'vendor/lib/src/d.ts', 'services/api/src/deep/b.ts'].map((f) => join(root, f));
    const asked: string[] = [];
    const find = baselineFinder((p) => (asked.push(p), existsSync(p)));
    expect(files.map(find)).toEqual(files.map((f) => findBaseline(f)));
    expect(files.map(find).slice(0, 3)).toEqual([join(root, 'services/api/cachelint-baseline.json'), join(root, 'services/api/cachelint-baseline.json'), undefined]);
    // every folder asked about once
    expect(new Set(asked).size).toBe(asked.length);
  });
});

describe('Flow files', () => {
  it.each([
    ['// @flow\nconst x: number = 1;', true],
    ['/* @flow strict */\nexport type T = {| a: 1 |};', true],
    ['#!/usr/bin/env node\n// @flow\n', true],
    ['/**\n * Copyright (c) Acme.\n * @flow\n * @format\n */\n\n', true],
    ['// license\n\n/* @flow weak */', true],
    ['// @noflow\nconst x = 1;', false],
    ['// @flowtype is not a pragma', false],
    ['const x = 1; // @flow', false],
    ["'use strict';\n// @flow", false],
  ])('%j → %s', (text, flow) => {
    expect(isFlowFile('/p/a.js', text)).toBe(flow);
  });

  it('is a JavaScript matter only', () => {
    expect(isFlowFile('/p/a.ts', '// @flow\n')).toBe(false);
    expect(isFlowFile('/p/a.jsx', '// @flow\n')).toBe(true);
    expect(isFlowFile('/p/a.mjs', '\uFEFF// @flow\n')).toBe(true);
  });
});
