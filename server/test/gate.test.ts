// The CLI parses only the files that can matter (engine/project.ts). That must never change what
// is found: on every fixture case and the sample app, the gated load finds exactly what parsing
// every file finds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { loadProject } from '../src/engine/project';
import { Analyzer } from '../src/engine/run';
import '../src/facts/index';
import { FIXED_EXT, readCase, SOURCE_EXT } from './harness';

const ROOT = path.resolve(__dirname, '../../test-fixtures');

function findings(sources: Record<string, string>, gated: boolean): string[] {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  loadProject(a, new Map(Object.entries(sources)), { all: !gated });
  const out: string[] = [];
  for (const r of a.run(Object.keys(sources)).values()) for (const f of r.findings) out.push(`${path.basename(f.file)}:${f.span.start} ${f.ruleId}`);
  return out.sort();
}

const cases: string[] = [path.join(ROOT, 'sample-app/src')];
for (const rule of fs.readdirSync(ROOT)) {
  if (rule === 'sample-app') continue;
  for (const e of fs.readdirSync(path.join(ROOT, rule))) {
    const p = path.join(ROOT, rule, e);
    if (fs.statSync(p).isDirectory() || (SOURCE_EXT.test(e) && !FIXED_EXT.test(e))) cases.push(p);
  }
}

describe('gated loading finds what parsing everything finds', () => {
  it(`on all ${cases.length} fixture cases and the sample app`, () => {
    const differ: string[] = [];
    let parsedFewer = 0;
    for (const c of cases) {
      const sources = readCase(c);
      const all = findings(sources, false);
      const gated = findings(sources, true);
      if (JSON.stringify(all) !== JSON.stringify(gated)) differ.push(`${path.relative(ROOT, c)}: all=${all.join(',')} gated=${gated.join(',')}`);
      const a = new Analyzer({ configFor: () => defaultConfig() });
      if (loadProject(a, new Map(Object.entries(sources))).skipped > 0) parsedFewer++;
    }
    expect(differ).toEqual([]);
    // the gate does skip files (or it would prove nothing)
    expect(parsedFewer).toBeGreaterThan(10);
  }, 180_000); // three loads of each of ~400 cases: seconds, more on a busy 2-core runner
});
