// Builds a one-file FileCtx from source text for the key/sentinel fact tests, with the import
// table filled the way the walk fills it, and finds the node under test.
import { ts } from 'ts-morph';
import { defaultConfig } from '../src/config';
import { parse } from '../src/syntax/walk';
import { createFileCtx, type FileCtx } from '../src/facts/context';
import { emptyFacts } from '../src/facts/empty';
import { collectImport, collectRequire } from '../src/syntax/scope';
import type { FileFacts } from '../src/facts/types';

export function ctxOf(text: string, sentinels: string[] = []): FileCtx {
  const file = '/src/svc.ts';
  const sf = parse(file, text);
  const facts: FileFacts = emptyFacts(file);
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s)) collectImport(s, facts.imports);
    else if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) collectRequire(d, facts.imports);
  }
  return createFileCtx(file, text, sf, { ...defaultConfig(), sentinels }, facts);
}

/** The `index`-th argument of the first call whose callee reads `callee` (default `redis.get`). */
export function argOf(ctx: FileCtx, callee = 'redis.get', index = 0): ts.Expression {
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && n.expression.getText(ctx.sf) === callee) found = n.arguments[index];
    else ts.forEachChild(n, visit);
  };
  visit(ctx.sf);
  if (!found) throw new Error(`no call to ${callee}`);
  return found;
}
