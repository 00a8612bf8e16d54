// What a function returns, when every `return` spells it out as an object literal of plain
// properties (`return { id: row.id, githubId: row.githubId, mentors }`): the fields a value cached
// from its result holds (missing-invalidation: a write of other columns leaves that cache right).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import type { VisitorMap } from '../../syntax/walk';
import { propertyNameText, unwrap } from '../../syntax/scope';

/** Per function id: the properties its returns name, or `null` once a return says something else. */
export type ReturnState = Map<number, Set<string> | null>;

export function returnVisitors(ctx: FileCtx, st: ReturnState): VisitorMap {
  return {
    [ts.SyntaxKind.ReturnStatement]: [
      (node) => {
        const r = node as ts.ReturnStatement;
        if (!r.expression) return;
        const fn = ctx.fnIdOf(r);
        if (fn <= 0 || st.get(fn) === null) return;
        const props = plainProps(unwrap(r.expression));
        if (!props) {
          st.set(fn, null);
          return;
        }
        const seen = st.get(fn) ?? new Set<string>();
        for (const p of props) seen.add(p);
        st.set(fn, seen);
      },
    ],
  };
}

/** After the walk: each function's `returnHolds`. */
export function finishReturns(ctx: FileCtx, st: ReturnState): void {
  for (const [fn, props] of st) if (props && props.size > 0) ctx.facts.fns[fn - 1].returnHolds = [...props].sort();
}

function plainProps(e: ts.Expression): string[] | undefined {
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  const out: string[] = [];
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) return undefined;
    const n = propertyNameText(p.name);
    if (n === undefined) return undefined;
    out.push(n.toLowerCase());
  }
  return out;
}
