// A key minted in this flow: its id comes from a generator called here (`const id = genCanvasID()`,
// `randomUUID()`, `nanoid()`, `new ObjectId()`). No reader can hold an older value of a key that did
// not exist before this request, so a set after a database write there is no write-through race.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { calleeName, declarationOf, enclosingFunction, isConstDeclaration, isFunctionLike, unwrap } from '../../syntax/scope';
import { treeMemo } from '../../syntax/tree-memo';

/** Names of id generators. */
const GENERATES_ID = /^(gen\w*Id|generate\w*Id|create\w*Id|new\w*Id|uuid(v4|v7)?|v4|v7|nanoid|randomUUID|cuid2?|ulid|createId|objectId)$/i;

/**
 * Whether `key` names an id generated in the same function: a const initialised from an id
 * generator, a const key built from one (`const k = this.stateKey(id, state.version)`), or a
 * property given one before (`state.version ||= genVersionId()`: a snapshot named by its version).
 */
export function mintedHere(key: ts.Expression, ctx: FileCtx): boolean {
  // most cache calls sit in flows that generate no id at all: one look at the flow's text each
  if (!flowMayMint(key, ctx)) return false;
  let found = false;
  const seen = new Set<ts.Node>();
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n) || seen.has(n) || seen.size > 50) return;
    seen.add(n);
    if (ts.isIdentifier(n)) {
      const d = declarationOf(n, ctx.facts.imports);
      if (d?.t === 'var' && isConstDeclaration(d.node) && d.node.initializer) {
        const init = unwrap(d.node.initializer);
        if (generatesId(init)) found = true;
        // Pattern: const cacheKey = this.getRedisStateKey(canvasId, state.version)
        else if (ts.isCallExpression(init) || ts.isTemplateExpression(init) || ts.isBinaryExpression(init)) visit(init);
      }
      return;
    }
    if (ts.isPropertyAccessExpression(n) && assignedIdBefore(n, key)) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(unwrap(key));
  return found;
}

/** A call of an id generator, in source text (GENERATES_ID, looser: a cheap test before the walk). */
const MAY_GENERATE = /(?:gen\w*Id|generate\w*Id|create\w*Id|new\w*Id|uuid\w*|\bv[47]|nanoid|randomUUID|cuid2?|ulid|objectId)\s*\(/i;

/** Per outermost function: whether its text calls anything that could be an id generator. */
const mayMint = treeMemo<ts.Node, boolean>();

function flowMayMint(n: ts.Node, ctx: FileCtx): boolean {
  let outer: ts.Node | undefined;
  for (let f = enclosingFunction(n); f; f = enclosingFunction(f)) outer = f;
  // a key built at the top level: the module's own consts (`const id = randomUUID()` there)
  const scope = outer ?? ctx.sf;
  let m = mayMint.get(scope);
  if (m === undefined) mayMint.set(scope, (m = MAY_GENERATE.test(ctx.text.slice(scope.pos, scope.end))));
  return m;
}

/** Per function: where each property (by its text) is given a generated id (`state.version ||= genId()`). */
const idAssignments = treeMemo<ts.Node, Map<string, number[]>>();

/**
 * Pattern: state.version ||= genCanvasVersionId(); … redis.setex(key(id, state.version), …) — the
 * property is given a generated id earlier in the same function (`=`, `||=`, `??=`).
 */
function assignedIdBefore(prop: ts.PropertyAccessExpression, use: ts.Node): boolean {
  const fn = enclosingFunction(use);
  if (!fn) return false;
  let found = idAssignments.get(fn);
  if (!found) {
    const m = new Map<string, number[]>();
    const visit = (n: ts.Node): void => {
      if (
        ts.isBinaryExpression(n) &&
        (n.operatorToken.kind === ts.SyntaxKind.EqualsToken || n.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken || n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken) &&
        ts.isPropertyAccessExpression(n.left) &&
        generatesId(unwrap(n.right))
      ) {
        const text = n.left.getText();
        m.set(text, [...(m.get(text) ?? []), n.pos]);
      }
      if (!isFunctionLike(n)) ts.forEachChild(n, visit);
    };
    ts.forEachChild(fn, visit);
    idAssignments.set(fn, (found = m));
  }
  return !!found.get(prop.getText())?.some((pos) => pos < use.pos);
}

function generatesId(e: ts.Expression): boolean {
  const x = ts.isAwaitExpression(e) ? unwrap(e.expression) : e;
  // Pattern: const sessionId = req.query.sessionId || crypto.randomUUID() — a session's own snapshot, new when it starts
  if (ts.isBinaryExpression(x) && (x.operatorToken.kind === ts.SyntaxKind.BarBarToken || x.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken))
    return generatesId(unwrap(x.right));
  if (ts.isNewExpression(x)) return ts.isIdentifier(x.expression) && x.expression.text === 'ObjectId';
  if (!ts.isCallExpression(x)) return false;
  const name = calleeName(x);
  return !!name && GENERATES_ID.test(name);
}
