// Throwaway: prints what the engine says about set-after-commit fixtures. Delete before finishing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'vitest';
import { analyse, applyRuleFixes, expectedKeys, findingKeys, readCase } from './harness';

const dir = path.resolve(__dirname, '../../test-fixtures/set-after-commit');
const only = process.env.CASE;
it('scratch', () => {
  for (const e of fs.readdirSync(dir).sort()) {
    if (/\.fixed\./.test(e)) continue;
    if (only && !e.includes(only)) continue;
    const sources = readCase(path.join(dir, e));
    const results = analyse(sources);
    const actual = findingKeys(results, sources);
    const { expected, todo } = expectedKeys(sources);
    const ok = JSON.stringify(actual) === JSON.stringify(expected);
    console.log(`${ok ? 'OK  ' : 'DIFF'} ${e}\n   actual:   ${actual.join(' | ')}\n   expected: ${expected.join(' | ')}${todo.length ? '\n   todo: ' + todo.join(' | ') : ''}`);
    if (process.env.VERBOSE) for (const r of results.values()) for (const f of r.findings) console.log('     ', f.ruleId, f.message, JSON.stringify(f.suggestions.map((s) => s.title)));
    if (process.env.FIX) {
      const fixed = applyRuleFixes(results, sources, 'set-after-commit');
      for (const [f, t] of Object.entries(fixed)) console.log(`----- fixed ${path.basename(f)}\n${t}`);
    }
    if (process.env.WRITE_FIXED) {
      const fixed = applyRuleFixes(results, sources, 'set-after-commit');
      for (const [f, t] of Object.entries(fixed)) fs.writeFileSync(f.replace(/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/, (x) => `.fixed${x}`), t);
    }
  }
});

import { defaultConfig } from '../src/config';
import { extractFacts } from '../src/facts';
it('facts', () => {
  const f = process.env.FACTS;
  if (!f) return;
  const facts = extractFacts(f, fs.readFileSync(f, 'utf8'), defaultConfig());
  console.log(JSON.stringify({ dbWrites: facts.dbWrites, dbReads: facts.dbReads, calls: facts.calls.map((c) => ({ m: c.method, r: c.receiver, after: c.afterWrites, key: c.key?.text })), wrappers: facts.wrappers }, null, 1));
});

it('valid-summary', () => {
  if (!process.env.SUMMARY) return;
  for (const e of fs.readdirSync(dir).sort()) {
    if (!e.startsWith('valid')) continue;
    const sources = readCase(path.join(dir, e));
    for (const [f, t] of Object.entries(sources)) {
      const facts = extractFacts(f, t, defaultConfig());
      console.log(e, path.basename(f), 'writes:', facts.dbWrites.map((w) => `${w.kind}:${w.entity}`).join(','), 'calls:', facts.calls.map((c) => `${c.method}[${c.receiver.t}${'lib' in c.receiver ? ':' + c.receiver.lib : ''}] after=${c.afterWrites}`).join(' '));
    }
  }
});
