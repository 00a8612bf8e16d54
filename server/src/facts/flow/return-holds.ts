// What a function returns, when every `return` spells it out as an object literal of plain
// properties (`return { id: row.id, githubId: row.githubId, mentors }`): the fields a value cached
// from its result holds (missing-invalidation: a write of other columns leaves that cache right).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import type { VisitorMap } from '../../syntax/walk';
import { plainPropNames, unwrap } from '../../syntax/scope';
import { rowFieldOf } from '../db/row-field';

/**
 * Per function id: the properties its returns name, or the class its returns build (`new X(…)`),
 * or `null` once a return says something else.
 */
export type ReturnState = Map<number, Set<string> | { cls: string } | null>;

export function returnVisitors(ctx: FileCtx, st: ReturnState): VisitorMap {
  return {
    [ts.SyntaxKind.ReturnStatement]: [
      (node) => {
        const r = node as ts.ReturnStatement;
        if (!r.expression) return;
        const fn = ctx.fnIdOf(r);
        if (fn <= 0 || st.get(fn) === null) return;
        const e = unwrap(r.expression);
        // Pattern: if (!ctx) return null; return { userId: ctx.userId, … } — an early "nothing" holds no field
        if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return;
        // Pattern: return new AuthUser(details, tasks) — what the class's instances hold
        if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
          const prev = st.get(fn);
          st.set(fn, prev === undefined || (prev !== null && !(prev instanceof Set) && prev.cls === e.expression.text) ? { cls: e.expression.text } : null);
          return;
        }
        // Pattern: const data = await repo.findOne(q); return data.configValue — one column of the row
        const field = rowFieldOf(e, ctx);
        const props = field ? [field] : plainPropNames(e);
        if (!props) {
          st.set(fn, null);
          return;
        }
        const prev = st.get(fn);
        if (prev !== undefined && !(prev instanceof Set)) {
          st.set(fn, null);
          return;
        }
        const seen = prev ?? new Set<string>();
        for (const p of props) seen.add(p);
        st.set(fn, seen);
      },
    ],
  };
}

/** After the walk: each function's `returnHolds`. */
export function finishReturns(ctx: FileCtx, st: ReturnState): void {
  for (const [fn, v] of st) {
    if (v instanceof Set) {
      if (v.size > 0) ctx.facts.fns[fn - 1].returnHolds = [...v].sort();
    } else if (v) {
      const imp = ctx.facts.imports.find((i) => i.local === v.cls);
      ctx.facts.fns[fn - 1].returnsNew = imp ? { module: imp.module, name: imp.name } : { local: v.cls };
    }
  }
}
