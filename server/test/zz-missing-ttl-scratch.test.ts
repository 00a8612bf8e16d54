import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'vitest';
import { analyse, applyRuleFixes, findingKeys, fixedPathOf, FIXED_EXT, readCase, SOURCE_EXT } from './harness';

const DIR = path.resolve(__dirname, '../../test-fixtures/missing-ttl');
it('scratch', () => {
  const only = process.env.CASE;
  const out: string[] = [];
  for (const e of fs.readdirSync(DIR).sort()) {
    const p = path.join(DIR, e);
    if (!(fs.statSync(p).isDirectory() || (SOURCE_EXT.test(e) && !FIXED_EXT.test(e)))) continue;
    if (only && !e.includes(only)) continue;
    const sources = readCase(p);
    const res = analyse(sources);
    out.push(`== ${e}`);
    for (const k of findingKeys(res, sources)) out.push('   ' + k);
    for (const r of res.values()) for (const f of r.findings) out.push(`     [${f.ruleId}] ${f.message} fix=${f.fix ? 'safe' : f.suggestions.length ? 'sugg' : 'none'}`);
    const fixed = applyRuleFixes(res, sources, 'missing-ttl');
    for (const [f, t] of Object.entries(fixed)) {
      const dest = path.join('/tmp/mttl-fixed', path.relative(DIR, fixedPathOf(f)));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, t);
      out.push(`     fixed → ${dest}`);
    }
  }
  fs.writeFileSync('/tmp/mttl-scratch.txt', out.join('\n') + '\n');
});
