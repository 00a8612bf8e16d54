// The race explainer per rule (rule.timeline, report/explain.ts): the sample app has a finding of
// every rule, and each explains its race with the app's own names; a finding without names reads
// in generic words.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explanationMarkdown, timelineText } from '../src/report/explain';
import { RULE_IDS, type Finding, type RuleId } from '../src/rule';
import { rules } from '../src/rules/index';
import { analyse, readCase } from './harness';

const APP = path.resolve(__dirname, '../../test-fixtures/sample-app/src');
const findings = [...analyse(readCase(APP)).values()].flatMap((r) => r.findings);
const of = (id: RuleId): Finding => findings.find((f) => f.ruleId === id)!;

describe('race timelines on the sample app', () => {
  it.each([
    [
      'set-after-commit',
      'T0 writer A: this.prisma.product.update commits v1 · T1 writer B: this.prisma.product.update commits v2 · T2 writer B: sets product:v2:{} = v2 · T3 writer A: sets product:v2:{} = v1 → stale until it expires',
    ],
    [
      'missing-ttl',
      'T0 reader: findOne stores user:v1:{} = v1 with no TTL · T1 writer: a database write commits v2 and misses the invalidation of user:v1:{} · T2 reader: findOne hits user:v1:{} = v1 → stale forever (no TTL)',
    ],
    [
      'key-drift',
      'T0 reader: findOne caches product:v2:{} = v1 · T1 writer: archive commits v2 with this.prisma.product.update · T2 writer: deletes product:{}, which holds nothing · T3 reader: findOne hits product:v2:{} = v1 → stale until it expires',
    ],
    [
      'negative-cache-on-create',
      'T0 reader: findOne misses user:v1:{} and finds no row · T1 reader: findOne caches user:v1:{} = not found · T2 writer: create commits the new row with this.prisma.user.create; user:v1:{} still says not found · T3 reader: findOne hits user:v1:{} = not found → the new user is invisible until it expires',
    ],
    [
      'missing-invalidation',
      'T0 reader: findOne misses order:v1:{}, loads row v1 and caches it · T1 writer: markShipped commits v2 with this.orders.update; nothing deletes order:v1:{} · T2 reader: findOne hits order:v1:{} = v1 → stale until it expires',
    ],
    [
      'write-from-cache',
      "T0 request B: rename reads user:v1:{} from the cache = v1 · T1 request A: another write commits v2 and deletes user:v1:{} · T2 request B: rename changes its copy of v1 · T3 request B: this.prisma.user.update writes the copy back over v2 → A's change is lost for good",
    ],
  ] as const)('%s', (id, text) => {
    const f = of(id);
    expect(f.timeline, id).toBeDefined();
    expect(timelineText(f.timeline!)).toBe(text);
  });

  it('every rule has a timeline hook, and the markdown names the real code in code spans', () => {
    for (const id of RULE_IDS) expect(rules[id].timeline, id).toBeTypeOf('function');
    const md = explanationMarkdown(of('missing-invalidation'), { headline: true, help: rules['missing-invalidation'].meta.help })!;
    expect(md).toContain("**Updating order leaves 'order:v1:{}' stale: nothing on this path deletes it** (`missing-invalidation`)");
    expect(md).toContain('- **T1** writer: `markShipped` commits v2 with `this.orders.update`; nothing deletes `order:v1:{}`');
    expect(md).toMatch(/→ \*\*stale until it expires\*\*\n\nDelete the key right after the write .*\[missing-invalidation\]\(https:.*missing-invalidation\.md\)$/);
  });
});

describe('race timelines in an ORM hook (set-after-commit)', () => {
  it('names the hook and the write it runs after', () => {
    const file = path.resolve(__dirname, '../../test-fixtures/set-after-commit/mikro-orm-subscriber-after-update-set.ts');
    const f = [...analyse(readCase(file)).values()].flatMap((r) => r.findings).find((x) => x.messageId === 'setInHook')!;
    expect(f.message).toBe("Cache set of 'order:{}' in a hook after the Order update: delete the key instead");
    expect(timelineText(f.timeline!)).toBe(
      'T0 writer A: the Order update commits v1 · T1 writer B: the Order update commits v2 · T2 writer B: the MikroORM afterUpdate hook sets order:{} = v2 · T3 writer A: the MikroORM afterUpdate hook sets order:{} = v1 → stale until the TTL (10 min)',
    );
  });
});

describe('race timelines without names', () => {
  it.each(RULE_IDS.map((id) => [id]))('%s degrades to generic words', (id) => {
    const rule = rules[id];
    const t = rule.timeline!(Object.keys(rule.meta.messages)[0] as never, {});
    const text = timelineText(t!);
    expect(text).not.toMatch(/undefined|``/);
    expect(text).toMatch(/^T0 [\w ]+: .+ → .+$/);
  });

  it('says the TTL as a person does', () => {
    const t = rules['missing-invalidation'].timeline!('noInvalidation', { key: 'user:{}', ttlSeconds: 600 })!;
    expect(timelineText(t)).toBe(
      'T0 reader: a reader misses user:{}, loads row v1 and caches it · T1 writer: a write path commits v2; nothing deletes user:{} · T2 reader: a reader hits user:{} = v1 → stale until the TTL (10 min)',
    );
    const s = rules['set-after-commit'].timeline!('setAfterWrite', { ttlSeconds: 3600 })!;
    expect(timelineText(s)).toBe(
      'T0 writer A: the database write commits v1 · T1 writer B: the database write commits v2 · T2 writer B: sets the key = v2 · T3 writer A: sets the key = v1 → stale until the TTL (1 h)',
    );
  });
});
