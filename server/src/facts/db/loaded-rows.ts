// Rows the code has just loaded: `const user = await User.findOne(q)`, or one element of
// `const rows = await Order.find(q); for (const order of rows) …`. Asked by the ORM recogniser (a
// document saved after it was loaded), by the payload origins (which fields a save writes) and by
// the value facts (one field of a loaded row cached on its own).
import { ts } from 'ts-morph';
import type { ImportFact } from '../types';
import { declarationOf, unwrap } from '../../syntax/scope';

/** The database recogniser of a walk: what it makes of a call. */
export type Recognise = (e: ts.Expression) => { kind?: string } | undefined;

/** A read the database recognises, awaited or not. */
export function isDbRead(e0: ts.Expression, recognise: Recognise): boolean {
  const init = unwrap(e0);
  const call = ts.isAwaitExpression(init) ? unwrap(init.expression) : init;
  return ts.isCallExpression(call) && recognise(call)?.kind === 'read';
}

/** The `for (const x of rows)` loop that declares `d` as its element. */
export function forOfLoopOf(d: ts.VariableDeclaration): ts.ForOfStatement | undefined {
  const loop = d.parent.parent;
  return ts.isForOfStatement(loop) && loop.initializer === d.parent ? loop : undefined;
}

/**
 * Where the value a variable holds comes from: its initializer, or for a loop's element the list
 * it iterates (through the list's own initializer: `const rows = await …`).
 */
export function loadedFrom(d: ts.VariableDeclaration, imports: readonly ImportFact[]): ts.Expression | undefined {
  if (d.initializer) return d.initializer;
  const loop = forOfLoopOf(d);
  if (!loop) return undefined;
  const list = unwrap(loop.expression);
  if (!ts.isIdentifier(list)) return list;
  const ld = declarationOf(list, imports);
  return ld?.t === 'var' ? ld.node.initializer : undefined;
}

/** `id` is declared as `const row = await <a read the database recognises>`. */
export function isLoadedRow(id: ts.Identifier, imports: readonly ImportFact[], recognise: Recognise): boolean {
  const d = declarationOf(id, imports);
  return d?.t === 'var' && !!d.node.initializer && isDbRead(d.node.initializer, recognise);
}
