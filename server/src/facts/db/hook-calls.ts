// After the walk: marks each ORM hook on its function (FnFact.hook) and each call made inside one
// with the hook and when the call runs (CallFact.hook): after the write, after its commit (inside a
// `transaction.afterCommit(cb)` callback), or before it (ahead of `await query(args)` in a Prisma
// query extension). A Sequelize `afterCommit` callback outside any hook runs after the writes of
// its transaction: its calls follow those writes (CallFact.afterWrites), and the callback is
// recorded as an after-commit hook of what they wrote.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { precedesInFlow } from '../flow/order';
import { declarationOf, enclosingFunction, unwrap, type FunctionLike } from '../../syntax/scope';
import type { DbWriteKind, HookFact } from '../types';
import type { HookState } from './hooks';

/** The FnFact id of a function node (registered on first use). */
function idOf(fn: FunctionLike, ctx: FileCtx): number {
  return ctx.fnIdOf(fn.body ?? fn);
}

/**
 * The callbacks `afterCommit` defers: inline functions, and local functions it names unless the
 * same function also calls them directly (`if (tx) tx.afterCommit(set); else await set();`, which
 * runs them after the write but not after a commit).
 */
function afterCommitCallbacks(st: HookState, ctx: FileCtx): Map<FunctionLike, ts.CallExpression> {
  const out = new Map<FunctionLike, ts.CallExpression>();
  for (const { call, arg } of st.afterCommits) {
    const u = unwrap(arg);
    if (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) {
      out.set(u, call);
      continue;
    }
    if (!ts.isIdentifier(u)) continue;
    const d = declarationOf(u, ctx.facts.imports);
    const init = d?.t === 'var' && d.node.initializer ? unwrap(d.node.initializer) : undefined;
    const fn = d?.t === 'function' ? d.node : init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
    if (!fn?.body) continue;
    const owner = ctx.fnIdOf(call);
    const calledDirectly = owner > 0 && ctx.facts.fns[owner - 1].calls.includes(u.text);
    if (!calledDirectly) out.set(fn, call);
  }
  return out;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

export function finishHooks(ctx: FileCtx, st: HookState): void {
  if (st.fns.size === 0 && st.afterCommits.length === 0) return;
  const { facts } = ctx;
  for (const [fn, h] of st.fns) {
    const f = facts.fns[idOf(fn, ctx) - 1];
    if (f) f.hook = h;
  }
  const deferred = afterCommitCallbacks(st, ctx);
  /** writes an afterCommit call's callbacks follow: those before it in its flow, and the rest of its transaction */
  const committed = new Map<ts.CallExpression, number[]>();
  const writesBefore = (ac: ts.CallExpression): number[] => {
    let ws = committed.get(ac);
    if (!ws) {
      const home = enclosingFunction(ac);
      ws = [];
      for (let j = 0; j < ctx.dbWriteNodes.length; j++) {
        const w = ctx.dbWriteNodes[j];
        if (precedesInFlow(w, ac) || (!!home && enclosingFunction(w) === home && !contains(ac, w))) ws.push(j);
      }
      committed.set(ac, ws);
    }
    return ws;
  };
  for (let i = 0; i < facts.calls.length; i++) {
    const node = ctx.callNodes[i];
    if (!node) continue;
    let ac: { fn: FunctionLike; call: ts.CallExpression } | undefined;
    let marked = false;
    for (let f = enclosingFunction(node); f; f = enclosingFunction(f)) {
      const h = st.fns.get(f);
      if (h) {
        const timing = ac ? 'afterCommit' : h.after !== undefined && node.getStart() < h.after ? 'before' : h.timing;
        facts.calls[i].hook = { fn: idOf(f, ctx), timing };
        marked = true;
        break;
      }
      const c = deferred.get(f);
      if (c && !ac) ac = { fn: f, call: c };
    }
    if (marked || !ac) continue;
    // Pattern: await sequelize.transaction(async (t) => { await User.update(v, { where, transaction: t }); t.afterCommit(() => redis.del(k)); })
    const ws = writesBefore(ac.call);
    const id = idOf(ac.fn, ctx);
    const fnFact = facts.fns[id - 1];
    if (!fnFact) continue;
    if (!fnFact.hook) fnFact.hook = commitHook(ws.map((j) => facts.dbWrites[j]), ac.call);
    facts.calls[i].hook = { fn: id, timing: 'afterCommit' };
    const after = facts.calls[i].afterWrites;
    for (const j of ws) if (!after.includes(j)) after.push(j);
    after.sort((a, b) => a - b);
  }
}

function commitHook(writes: { kind: DbWriteKind; entity?: string }[], call: ts.CallExpression): HookFact {
  const events = [...new Set(writes.map((w) => w.kind))];
  const entities = [...new Set(writes.map((w) => w.entity).filter((e): e is string => !!e))];
  const h: HookFact = {
    orm: 'sequelize',
    name: 'afterCommit',
    events: events.length > 0 ? events : ['create', 'update', 'delete'],
    timing: 'afterCommit',
    span: { start: call.getStart(), end: call.expression.end },
  };
  if (entities.length === 1) h.entity = h.entityName = entities[0];
  return h;
}
