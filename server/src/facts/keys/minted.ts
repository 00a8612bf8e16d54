// A key minted in this flow: its id comes from a generator called here (`const id = genCanvasID()`,
// `randomUUID()`, `nanoid()`, `new ObjectId()`). No reader can hold an older value of a key that did
// not exist before this request, so a set after a database write there is no write-through race.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { calleeName, declarationOf, isConstDeclaration, isFunctionLike, unwrap } from '../../syntax/scope';

/** Names of id generators. */
const GENERATES_ID = /^(gen\w*Id|generate\w*Id|create\w*Id|new\w*Id|uuid(v4|v7)?|v4|v7|nanoid|randomUUID|cuid2?|ulid|createId|objectId)$/i;

/** Whether `key` names a const initialised from an id generator in the same function. */
export function mintedHere(key: ts.Expression, ctx: FileCtx): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isIdentifier(n)) {
      const d = declarationOf(n, ctx.facts.imports);
      if (d?.t === 'var' && isConstDeclaration(d.node) && d.node.initializer && generatesId(unwrap(d.node.initializer))) found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(unwrap(key));
  return found;
}

function generatesId(e: ts.Expression): boolean {
  const x = ts.isAwaitExpression(e) ? unwrap(e.expression) : e;
  if (ts.isNewExpression(x)) return ts.isIdentifier(x.expression) && x.expression.text === 'ObjectId';
  if (!ts.isCallExpression(x)) return false;
  const name = calleeName(x);
  return !!name && GENERATES_ID.test(name);
}
