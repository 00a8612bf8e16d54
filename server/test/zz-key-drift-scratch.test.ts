import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'vitest';
import { analyse, applyRuleFixes, lineOfOffset, readCase } from './harness';

const ROOT = path.resolve(__dirname, '../../test-fixtures/key-drift');
const only = process.env.KD_CASE;
const write = process.env.KD_WRITE === '1';

it('scratch', () => {
  for (const e of fs.readdirSync(ROOT).sort()) {
    if (/\.fixed\./.test(e)) continue;
    if (only && !only.split(',').some((o) => e.startsWith(o))) continue;
    const c = path.join(ROOT, e);
    const sources = readCase(c);
    const res = analyse(sources);
    const lines: string[] = [`== ${e}`];
    for (const r of res.values()) {
      for (const f of r.findings) {
        lines.push(`  ${path.relative(ROOT, f.file)}:${lineOfOffset(sources[f.file], f.span.start)} ${f.ruleId}/${f.messageId}: ${f.message}`);
        for (const s of [f.fix, ...f.suggestions].filter(Boolean)) lines.push(`     fix(${s!.kind}): ${s!.title}`);
        if (f.ruleId === 'key-drift') for (const rel of f.related) lines.push(`     rel: ${path.relative(ROOT, rel.file)}:${lineOfOffset(sources[rel.file], rel.span.start)} ${rel.message}`);
      }
      if (r.parseErrors.length) lines.push(`  PARSE ${r.file} ${r.parseErrors[0].message}`);
    }
    const fixed = applyRuleFixes(res, sources, 'key-drift');
    for (const [f, t] of Object.entries(fixed)) {
      const fp = f.replace(/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/, (x) => `.fixed${x}`);
      if (write) fs.writeFileSync(fp, t);
      lines.push(`  fixed -> ${path.relative(ROOT, fp)}`);
    }
    console.log(lines.join('\n'));
  }
});
