// The rule docs' examples are executed: every ❌ block must make its rule report, every ✅ block
// must report nothing for it (typescript-eslint tests/docs.test.mts, Biome's expect_diagnostic).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/rule';
import { analyse } from './harness';

const DOCS = path.resolve(__dirname, '../../docs/rules');

function blocks(md: string, heading: string): string[] {
  const start = md.indexOf(heading);
  if (start < 0) return [];
  const rest = md.slice(start + heading.length);
  const end = rest.search(/\n#{2,3} /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```(?:ts|typescript|js|tsx)\n([\s\S]*?)```/g)].map((m) => m[1]);
}

for (const id of RULE_IDS) {
  describe(`docs/rules/${id}.md examples`, () => {
    const md = fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
    const bad = blocks(md, '### ❌ Incorrect');
    const good = blocks(md, '### ✅ Correct');
    it('has examples both ways', () => {
      expect(bad.length).toBeGreaterThan(0);
      expect(good.length).toBeGreaterThan(0);
    });
    bad.forEach((code, i) =>
      it(`❌ example ${i + 1} reports ${id}`, () => {
        const file = `/docs-example/${id}-bad-${i}.ts`;
        const r = analyse({ [file]: code }).get(file)!;
        expect(r.parseErrors).toEqual([]);
        expect(r.findings.filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
      }),
    );
    good.forEach((code, i) =>
      it(`✅ example ${i + 1} reports nothing for ${id}`, () => {
        const file = `/docs-example/${id}-good-${i}.ts`;
        const r = analyse({ [file]: code }).get(file)!;
        expect(r.parseErrors).toEqual([]);
        expect(r.findings.filter((f) => f.ruleId === id).map((f) => f.message)).toEqual([]);
      }),
    );
  });
}
