// Compares what cachelint reported (ESLint JSON format) with what the generator planted: the
// benchmark's correctness gate. A run that reports one finding more or less than planted fails.
import { relative, sep } from 'node:path';

/** `[{ rule, file, line }]` from `--format json` output; file relative to `root`, with `/`. */
export function findingsOf(json, root) {
  const results = JSON.parse(json);
  const out = [];
  for (const r of results) {
    const file = relative(root, r.filePath).split(sep).join('/');
    for (const m of r.messages) out.push({ rule: m.ruleId ?? `(${m.fatal ? 'parse error' : 'no rule'}: ${m.message})`, file, line: m.line });
  }
  return sortFindings(out);
}

export function sortFindings(list) {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}

const keyOf = (f) => `${f.rule} ${f.file}:${f.line}`;

/** What is missing and what is extra, as `rule file:line` strings (empty lists: exact match). */
export function diffFindings(expected, actual) {
  const want = new Map();
  for (const f of expected) want.set(keyOf(f), (want.get(keyOf(f)) ?? 0) + 1);
  const extra = [];
  for (const f of actual) {
    const k = keyOf(f);
    const n = want.get(k) ?? 0;
    if (n > 0) want.set(k, n - 1);
    else extra.push(k);
  }
  const missing = [];
  for (const [k, n] of want) for (let i = 0; i < n; i++) missing.push(k);
  return { missing, extra };
}

export function countByRule(list, rules) {
  const out = Object.fromEntries(rules.map((r) => [r, 0]));
  for (const f of list) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}
