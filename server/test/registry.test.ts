// Every rule is registered under its id, documented, and has fixtures both ways (see fixtures.test.ts
// for the counts); meta follows the naming conventions the docs and CI consumers rely on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/rule';
import { rules } from '../src/rules/index';

const ROOT = path.resolve(__dirname, '../..');

describe('rule registry', () => {
  it('registers exactly the rule ids', () => {
    expect(Object.keys(rules).sort()).toEqual([...RULE_IDS].sort());
  });
  for (const id of RULE_IDS) {
    const rule = rules[id];
    it(`${id}: meta is consistent with its file and doc`, () => {
      expect(rule.meta.id).toBe(id);
      expect(fs.existsSync(path.join(ROOT, 'server/src/rules', `${id}.ts`))).toBe(true);
      expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
      for (const m of Object.keys(rule.meta.messages)) expect(m).toMatch(/^[a-z][A-Za-z]*$/);
      const doc = fs.readFileSync(path.join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
      expect(doc.split('\n')[0]).toBe(`# ${id}`);
      expect(doc).toContain(rule.meta.description);
      for (const h of ['## Why is this bad?', '## Examples', '### ❌ Incorrect', '### ✅ Correct', '## Fix', '## Options', '## When not to use it'])
        expect(doc, `${id}.md needs "${h}"`).toContain(h);
      expect(fs.existsSync(path.join(ROOT, 'test-fixtures', id))).toBe(true);
    });
  }
});
