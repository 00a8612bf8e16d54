import * as path from 'node:path';
import { it } from 'vitest';
import { analyse, applyRuleFixes, findingKeys, readCase } from './harness';

it('scratch', () => {
  const cases = (process.env.CASES ?? '').split(',').filter(Boolean);
  for (const c of cases) {
    const p = path.resolve(__dirname, '../../test-fixtures/negative-cache-on-create', c);
    const sources = readCase(p);
    const res = analyse(sources);
    console.log('=== ' + c + '\n' + findingKeys(res, sources).join('\n'));
    if (process.env.VERBOSE) for (const r of res.values()) for (const f of r.findings) console.log(f.ruleId, f.message, JSON.stringify(f.suggestions.map((s) => s.edits)));
    if (process.env.FIX) {
      const fixed = applyRuleFixes(res, sources, 'negative-cache-on-create');
      for (const [f, t] of Object.entries(fixed)) console.log('--- fixed ' + path.basename(f) + '\n' + t);
    }
  }
});
