// Fixture tests: every case under test-fixtures/<rule-id>/ is analysed with ALL rules; every finding
// must be annotated (`// expect: <rule-id>` on its first line) and every annotation hit. Known gaps
// are `// todo-expect:` and fail once the gap closes. `<case>.fixed.ts` holds the text after the
// rule's fixes; re-analysing it must parse and report nothing for that rule.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/rule';
import { analyse, applyRuleFixes, expectedKeys, findingKeys, FIXED_EXT, fixedPathOf, isValidCase, readCase, SOURCE_EXT } from './harness';

const ROOT = path.resolve(__dirname, '../../test-fixtures');

function casesOf(rule: string): string[] {
  const dir = path.join(ROOT, rule);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((e) => fs.statSync(path.join(dir, e)).isDirectory() || (SOURCE_EXT.test(e) && !FIXED_EXT.test(e)))
    .sort()
    .map((e) => path.join(dir, e));
}

for (const rule of RULE_IDS) {
  describe(`fixtures: ${rule}`, () => {
    const cases = casesOf(rule);
    let firing = 0;
    let quiet = 0;
    for (const c of cases) {
      const sources = readCase(c);
      const { expected, todo } = expectedKeys(sources);
      if (expected.some((k) => k.endsWith(' ' + rule))) firing++;
      else quiet++;
      it(path.basename(c), () => {
        const results = analyse(sources);
        const actual = findingKeys(results, sources);
        expect(actual).toEqual(expected);
        for (const t of todo) expect(actual, `todo-expect ${t} now fires: turn it into expect`).not.toContain(t);
        for (const [f, text] of Object.entries(sources))
          if (isValidCase(text)) expect(actual.filter((k) => k.startsWith(path.basename(f) + ':'))).toEqual([]);

        // fixes: compare with .fixed files, then re-analyse the fixed project
        const fixed = applyRuleFixes(results, sources, rule);
        for (const f of Object.keys(sources)) {
          const fixedPath = fixedPathOf(f);
          if (fs.existsSync(fixedPath)) expect(fixed[f] ?? sources[f], `fix output of ${path.basename(f)}`).toBe(fs.readFileSync(fixedPath, 'utf8'));
        }
        if (Object.keys(fixed).length > 0) {
          const after = analyse({ ...sources, ...fixed });
          const still = [...after.values()].flatMap((r) => [
            ...r.parseErrors.map((e) => `parse error: ${e.message}`),
            ...r.findings.filter((f) => f.ruleId === rule && fixed[f.file] !== undefined).map((f) => `${path.basename(f.file)}: ${f.message}`),
          ]);
          expect(still, 'the fixed text must parse and no longer report this rule').toEqual([]);
        }
      });
    }
    it('has at least 15 firing and 15 look-alike cases', () => {
      expect(firing).toBeGreaterThanOrEqual(15);
      expect(quiet).toBeGreaterThanOrEqual(15);
    });
  });
}
