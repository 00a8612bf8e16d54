// Clients hung on a global namespace object. JavaScript apps that predate modules-everywhere keep
// their services on one global (`global.WIKI = { … }` in Wiki.js) and fill it at start-up:
//
//   WIKI.cache = require('./cache').init()          // server/core/kernel.js
//   const hit = await WIKI.cache.get(`nav:${l}`)     // any other file, no import
//
// The assignment is recorded here (`FileFacts.globals`, by its dotted path); a call on the same
// path anywhere is a receiver the linker looks up among them (`{ t: 'unknown', global }`).
import { ts } from 'ts-morph';
import type { VisitorMap } from '../../syntax/walk';
import { declarationOf, unwrap } from '../../syntax/scope';
import type { FileCtx } from '../context';
import type { ClientRef } from '../types';
import { clientOf, RUNTIME_GLOBALS } from './clients';

/**
 * The dotted path of `G.member` where `G` is an identifier this file does not declare, import or
 * take as a parameter (a global namespace), or undefined. One level only: `WIKI.cache`.
 */
export function globalPathOf(e: ts.Expression, ctx: FileCtx): string | undefined {
  const u = unwrap(e);
  if (!ts.isPropertyAccessExpression(u)) return undefined;
  const root = unwrap(u.expression);
  if (!ts.isIdentifier(root) || RUNTIME_GLOBALS.has(root.text)) return undefined;
  if (declarationOf(root, ctx.facts.imports)) return undefined;
  return `${root.text}.${u.name.text}`;
}

/** A client reference worth recording: something the linker can follow to a client. */
function followable(c: ClientRef | undefined): c is ClientRef {
  return !!c && c.t !== 'unknown' && c.t !== 'fn' && c.t !== 'decorator';
}

export function globalClientVisitors(ctx: FileCtx): VisitorMap {
  return {
    [ts.SyntaxKind.BinaryExpression]: [
      (n) => {
        const b = n as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        // cheap test first: most assignments are not to a member of an identifier
        const left = b.left;
        if (!ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.expression)) return;
        const path = globalPathOf(left, ctx);
        if (!path) return;
        const c = clientOf(b.right, ctx);
        if (!followable(c)) return;
        const globals = (ctx.facts.globals ??= {});
        // assigned two different things (a store per environment): which one runs is unknown
        const before = globals[path];
        if (before && JSON.stringify(before) !== JSON.stringify(c)) globals[path] = { t: 'unknown' };
        else globals[path] = c;
      },
    ],
  };
}
