// "Which database writes does this call run before?" — the mirror of CallFact.afterWrites, for
// invalidations that come too early: `await this.cache.del(k); await this.users.update(id, dto)`.
// For each such write (or call of a project function that may write), where the call's statement
// could move to run after it: the end of the statement of the call's own block that holds the
// write, or that holds the commit when the write is inside an explicit transaction.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { precedesInFlow } from './order';
import { moveTarget, ownStatementOf } from './move-target';
import { commitAround, moveStateOf } from './transactions';
import type { Later } from '../types';

/** Later project calls kept, and looked at, per call: the write it invalidates is seldom far. */
const MAX_LATER_CALLS = 8;
const MAX_EXAMINED = 12;
const MAX_SCANNED = 64;

/** Where the statement of `call` could move to run after `target`, if anywhere. */
function moveAfter(ctx: FileCtx, call: ts.Node, target: ts.Node): number | undefined {
  const st = ownStatementOf(call);
  const block = st?.parent;
  if (!st || !block) return undefined;
  // inside an explicit transaction, after the write is still before the commit: after the commit then
  const end = commitAround(ctx, target);
  const t = end && end.getStart(ctx.sf) > st.end ? end : target;
  let a: ts.Node | undefined = t;
  while (a && a.parent !== block) a = a.parent;
  if (!a || a.pos < st.end) return undefined;
  // Pattern: cache.delete(k); return await super.update(values) — nothing after a return runs
  if (ts.isReturnStatement(a) || ts.isThrowStatement(a)) return undefined;
  return moveTarget(call, a.end, moveStateOf(ctx), ctx);
}

/**
 * Post-walk, for call `i`: the DB writes and the project calls that follow it in its flow (the
 * outermost function around it, `flow`), with where it could move to run after each.
 */
export function relateLater(ctx: FileCtx, i: number, flow: { start: number; end: number }): void {
  const { calls, dbWrites } = ctx.facts;
  const c = calls[i];
  // only a cache call (or a call that may reach one) can be an invalidation that comes too early
  if (c.receiver.t === 'unknown') return;
  const node = ctx.callNodes[i];
  const writes: Later[] = [];
  for (let j = 0; j < dbWrites.length; j++) {
    const w = dbWrites[j].span;
    if (w.start < c.span.end) continue;
    if (w.start >= flow.end) break;
    if (!precedesInFlow(node, ctx.dbWriteNodes[j])) continue;
    const to = moveAfter(ctx, node, ctx.dbWriteNodes[j]);
    writes.push(to === undefined ? { i: j } : { i: j, moveTo: to });
  }
  if (writes.length > 0) c.beforeWrites = writes;
  const later: Later[] = [];
  let examined = 0;
  // every call looked at counts: a bundle's one huge function must not make this quadratic
  for (let j = i + 1, scanned = 0; j < calls.length && later.length < MAX_LATER_CALLS && examined < MAX_EXAMINED && scanned < MAX_SCANNED; j++, scanned++) {
    const d = calls[j];
    if (d.span.start >= flow.end) break;
    if (d.span.start < c.span.end || d.receiver.t === 'lib' || d.receiver.t === 'unknown') continue;
    examined++;
    if (!precedesInFlow(node, ctx.callNodes[j])) continue;
    const to = moveAfter(ctx, node, ctx.callNodes[j]);
    later.push(to === undefined ? { i: j } : { i: j, moveTo: to });
  }
  if (later.length > 0) c.beforeCalls = later;
}
