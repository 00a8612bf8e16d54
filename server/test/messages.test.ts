// Every finding of every fixture case and of the sample app is held to the headline rules of issue
// 12: one clause of at most 100 characters, keys as shapes (never raw source cut short), and a race
// timeline whose words are filled in. New rules are held to it by adding fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineText } from '../src/report/explain';
import { RULE_IDS, type Finding } from '../src/rule';
import { rules } from '../src/rules/index';
import { analyse, FIXED_EXT, readCase, SOURCE_EXT } from './harness';

const ROOT = path.resolve(__dirname, '../../test-fixtures');

function cases(): string[] {
  const out = [path.join(ROOT, 'sample-app/src')];
  for (const rule of fs.readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, rule);
    if (rule === 'sample-app' || !fs.statSync(dir).isDirectory()) continue;
    for (const e of fs.readdirSync(dir).sort())
      if (fs.statSync(path.join(dir, e)).isDirectory() || (SOURCE_EXT.test(e) && !FIXED_EXT.test(e))) out.push(path.join(dir, e));
  }
  return out;
}

const findings: { where: string; f: Finding }[] = [];
for (const c of cases())
  for (const r of analyse(readCase(c)).values()) for (const f of r.findings) findings.push({ where: `${path.relative(ROOT, c)}: ${f.ruleId}`, f });

describe('message headlines', () => {
  it('the fixtures report something of every rule', () => {
    for (const id of RULE_IDS) expect(findings.some((x) => x.f.ruleId === id), id).toBe(true);
  });

  it('are at most 100 characters, one clause, without raw source', () => {
    const bad = findings
      .filter(({ f }) => f.ruleId)
      .filter(({ f }) => f.message.length > 100 || /\$\{|\.\.\.|…|\n|[.;]\s|\.$/.test(f.message))
      .map(({ where, f }) => `${where}: (${f.message.length}) ${f.message}`);
    expect(bad).toEqual([]);
  });

  it('related information reads as plain English: no sentence period, no raw source', () => {
    const bad = findings.flatMap(({ where, f }) => f.related.filter((r) => /\$\{|\.\.\.|…|\.$/.test(r.message)).map((r) => `${where}: ${r.message}`));
    expect(bad).toEqual([]);
  });

  it('every rule finding explains its race, with no hole in the words', () => {
    // a placeholder of the rule's templates left unfilled (shapes may hold `{{…}}` of their own: hash tags)
    const holes = (id: string) => {
      const meta = rules[id as keyof typeof rules].meta;
      const names = [...Object.values(meta.messages), ...Object.values(meta.details ?? {})].flatMap((t) => [...String(t).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
      return new RegExp(`undefined|\\{\\{(${[...new Set(names)].join('|')})\\}\\}`);
    };
    const bad = findings
      .filter(({ f }) => f.ruleId && (!f.timeline || !f.detail || holes(f.ruleId).test(`${f.message} ${timelineText(f.timeline)} ${f.detail}`)))
      .map(({ where, f }) => `${where}: ${f.timeline ? timelineText(f.timeline) : 'no timeline'} / ${f.detail}`);
    expect(bad).toEqual([]);
  });
});

describe('set-after-commit wording', () => {
  it('says "alongside" when the set runs in one Promise.all with the write, and offers no swap there', () => {
    const c = path.join(ROOT, 'set-after-commit/upstash-set-alongside-prisma-update-in-promise-all.ts');
    const [f, ...rest] = [...analyse(readCase(c)).values()].flatMap((r) => r.findings);
    expect(rest).toEqual([]);
    expect(f.message).toMatch(/^Cache set of '.*' alongside the database write on line 12: delete it after$/);
    expect(f.suggestions ?? []).toEqual([]);
    const sequential = path.join(ROOT, 'set-after-commit/ioredis-set-after-prisma-update.ts');
    const [g] = [...analyse(readCase(sequential)).values()].flatMap((r) => r.findings);
    expect(g.message).toMatch(/after the database write on line 9/);
  });

  it('names the write the cached value is rebuilt from, not a later helper that writes the same rows', () => {
    const c = path.join(ROOT, 'set-after-commit/wrapper-value-through-own-converter');
    const found = [...analyse(readCase(c)).values()].flatMap((r) => r.findings).map((f) => f.message);
    expect(found.filter((m) => /line 29/.test(m))).toHaveLength(1);
    expect(found.filter((m) => /line 30/.test(m))).toEqual([]);
  });

  it('says when a wrapper drops the TTL parameter its callers pass, and not when it has none', () => {
    const dropped = path.join(ROOT, 'missing-ttl/wrapper-dropping-its-ttl-parameter.ts');
    const [f] = [...analyse(readCase(dropped)).values()].flatMap((r) => r.findings);
    expect(f.message).toBe("RedisCacheService.save drops its 'maxAge' argument: 'posts:all' is written with no TTL");
    const none = path.join(ROOT, 'missing-ttl/wrapper-forwarding-its-rest-arguments');
    const [g] = [...analyse(readCase(none)).values()].flatMap((r) => r.findings);
    expect(g.message).toMatch(/^Cache write to 'author:\{\}' has no TTL/);
  });
});
