// What a finding's key is, for the reader of a report: its shape, its role in the project (model/roles.ts)
// and the evidence that decided it, with its place ("cache: filled after a miss at users.service.ts:21").
// Carried on findings (JSON `cacheKey`, SARIF properties) and shown in the hover.
import { positionAt } from '../text/lines';
import type { CacheOp, Finding, KeyInfo, ProjectIndex } from '../rule';
import type { KeyModel } from './cache-model';

/** The key of `model`, with the evidence that decided its role (the strongest of that role, first found). */
export function keyInfoOf(project: ProjectIndex, key: KeyModel): KeyInfo | undefined {
  if (!key.shape) return undefined;
  const mine = key.evidence.filter((e) => e.role === key.role);
  const e = mine.find((x) => x.strength === 'strong') ?? mine[0];
  const text = e && project.files.get(e.file)?.text;
  const where = e && text !== undefined ? ` at ${e.file.split(/[\\/]/).slice(-2).join('/')}:${positionAt(text, e.span.start).line + 1}` : '';
  const evidence = e ? `${key.role === 'cache' ? 'cache' : key.role === 'not-cache' ? 'not a cache' : 'unknown'}: ${e.reason}${where}` : key.summary;
  return { shape: key.shape, role: key.role, evidence };
}

/** The innermost cache op whose call covers `offset` (a nested call's own op wins over the outer one). */
export function opAt(project: ProjectIndex, file: string, offset: number): CacheOp | undefined {
  let best: CacheOp | undefined;
  for (const op of project.files.get(file)?.ops ?? []) {
    const s = op.call.span;
    if (offset < s.start || offset > s.end) continue;
    if (!best || s.end - s.start < best.call.span.end - best.call.span.start) best = op;
  }
  return best;
}

/** The key of the cache op a finding is reported on. */
export function keyInfoAt(project: ProjectIndex, f: Pick<Finding, 'file' | 'span'>): KeyInfo | undefined {
  const op = opAt(project, f.file, f.span.start);
  const key = op && project.model.keyOf(op);
  return key ? keyInfoOf(project, key) : undefined;
}
