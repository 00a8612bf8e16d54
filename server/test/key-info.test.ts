// Findings say which key they are about and why cachelint takes it for a cache: the role and the
// evidence that decided it travel with the finding (JSON `cacheKey`, SARIF properties) and show in
// the hover of the cache call.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { Analyzer } from '../src/engine/run';
import { hoverFor } from '../src/lsp/hover';
import { formatJson } from '../src/report/json';
import { formatSarif } from '../src/report/sarif';
import { readCase } from './harness';
import '../src/facts/index';

const APP = path.resolve(__dirname, '../../test-fixtures/sample-app/src');

function analyzer(sources: Record<string, string>): Analyzer {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  for (const [f, t] of Object.entries(sources)) a.setFile(f, t);
  return a;
}

describe('the key a finding is about', () => {
  const sources = readCase(APP);
  const a = analyzer(sources);
  const results = a.run();
  const all = [...results.values()].flatMap((r) => r.findings);
  const only = (id: string) => all.filter((f) => f.ruleId === id);

  it('carries the shape, the role and the evidence with its place, on call findings and write findings', () => {
    const [ttl] = only('missing-ttl');
    expect(ttl.key?.shape).toBe('user:v1:{}');
    expect(ttl.key?.role).toBe('cache');
    expect(ttl.key?.evidence).toMatch(/^cache: .+ at users\/users\.service\.ts:\d+$/);
    // missing-invalidation reports a database write: the key is the one its read path fills
    const [mi] = only('missing-invalidation');
    expect(mi.key?.shape).toBe('order:v1:{}');
    expect(mi.key?.evidence).toMatch(/^cache: .+ at orders\/orders\.service\.ts:\d+$/);
  });

  it('is in the JSON output (as cacheKey) and in SARIF result properties', () => {
    const files = [...results.values()].map((r) => ({ file: r.file, text: sources[r.file], findings: r.findings, parseErrors: [] }));
    const json = JSON.parse(formatJson(files, { cwd: APP })) as { messages: { ruleId: string; cacheKey?: { shape: string; role: string } }[] }[];
    const messages = json.flatMap((r) => r.messages);
    expect(messages.find((m) => m.ruleId === 'missing-ttl')?.cacheKey).toMatchObject({ shape: 'user:v1:{}', role: 'cache' });
    const sarif = JSON.parse(formatSarif(files, { cwd: APP })) as { runs: { results: { ruleId: string; properties?: { cacheKey?: { role: string } } }[] }[] };
    expect(sarif.runs[0].results.find((r) => r.ruleId === 'key-drift')?.properties?.cacheKey?.role).toBe('cache');
  });

  it('shows in the hover of a cache call, and a queue reads as no cache', () => {
    const file = path.join(APP, 'users/users.service.ts');
    const at = sources[file].indexOf('redis.get(CacheKeys.user');
    const md = (hoverFor(a.project(), file, at)?.contents as { value: string }).value;
    expect(md).toMatch(/Role: cache: .+ at users\/users\.service\.ts:\d+/);
    const q = analyzer({ '/q/jobs.ts': "import Redis from 'ioredis';\nconst r = new Redis();\nexport const take = () => r.lpop('jobs:pending');\nexport const put = (j: string) => r.rpush('jobs:pending', j);\n" });
    q.run();
    const text = "import Redis from 'ioredis';\nconst r = new Redis();\nexport const take = () => ";
    const qmd = (hoverFor(q.project(), '/q/jobs.ts', text.length + 2)?.contents as { value: string }).value;
    expect(qmd).toMatch(/Role: not a cache: popped or trimmed as a queue/);
  });
});
