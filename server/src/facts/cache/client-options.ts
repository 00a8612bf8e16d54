// What a client's constructor or factory options say: a default TTL for the store's writes
// (`new Keyv({ ttl })`, `createCache({ stores: [...] })`) and ioredis's key prefix. Options built
// elsewhere (a variable, a call, a spread) leave the answer unknown.
import { ts } from 'ts-morph';
import { unwrap } from '../../syntax/scope';
import { isRedisLib, LIBS } from './client-modules';
import type { CacheLib } from '../types';

/**
 * Whether a constructor/factory call configures a default TTL: `ttl`/`stdTTL`/`maxAge` anywhere in
 * its arguments (also inside `stores: [new Keyv({ ttl })]`) → true, unless it is a literal 0; no
 * such option in literal arguments → false; options built elsewhere (a variable, a call) → unknown.
 */
export function defaultTtlOf(args: readonly ts.Expression[], lib: CacheLib): boolean | undefined {
  // Redis clients have no default TTL; unstorage's depends on its driver, which cachelint does not read
  if (isRedisLib(lib) || LIBS[lib].api === 'unstorage') return undefined;
  // bentocache's stores keep entries 30 minutes unless told otherwise
  if (LIBS[lib].expiresByDefault) return true;
  const names = /^(ttl|stdTTL|maxAge)$/;
  let found: boolean | undefined;
  let opaque = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && names.test(n.name.text)) {
      const v = unwrap(n.initializer);
      found = !(ts.isNumericLiteral(v) && Number(v.text) === 0);
      return;
    }
    if (ts.isShorthandPropertyAssignment(n) && names.test(n.name.text)) {
      found = true;
      return;
    }
    if (ts.isSpreadAssignment(n) || ts.isSpreadElement(n)) opaque = true;
    // a store built elsewhere (`redisStore`, `await redisStore(…)`) may carry its own default TTL;
    // `'memory'` and `new Keyv(…)` are visible and visited like the rest
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && /^stores?$/.test(n.name.text)) {
      const v = unwrap(n.initializer);
      const items = ts.isArrayLiteralExpression(v) ? v.elements : [v];
      if (items.some((i) => !ts.isStringLiteralLike(unwrap(i)) && !ts.isNewExpression(unwrap(i)))) opaque = true;
    }
    ts.forEachChild(n, visit);
  };
  for (const a of args) {
    const e = unwrap(a);
    if (ts.isIdentifier(e) || ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) opaque = true;
    visit(e);
  }
  if (found) return true;
  return opaque ? undefined : false;
}

/**
 * The default TTL a client's options give as a number (`new NodeCache({ stdTTL: 300 })`,
 * `new LRUCache({ max: 100, ttl: 5 * 60_000 })`), in the unit of the library's own TTL argument.
 */
export function defaultTtlValueOf(args: readonly ts.Expression[]): number | undefined {
  for (const a of args) {
    const e = unwrap(a);
    if (!ts.isObjectLiteralExpression(e)) continue;
    for (const p of e.properties)
      if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && /^(ttl|stdTTL|maxAge)$/.test(p.name.text)) {
        const n = literalProduct(unwrap(p.initializer));
        return n !== undefined && n > 0 ? n : undefined;
      }
  }
  return undefined;
}

/** `300`, `5 * 60`, `1000 * 60 * 10`: a number literal or a product of them. */
function literalProduct(e: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const l = literalProduct(unwrap(e.left));
    const r = literalProduct(unwrap(e.right));
    return l !== undefined && r !== undefined ? l * r : undefined;
  }
  return undefined;
}

/** ioredis `keyPrefix: 'cache:'`: every key of this client is stored under the prefix. */
export function keyPrefixOf(args: readonly ts.Expression[]): string | undefined {
  for (const a of args) {
    const e = unwrap(a);
    if (!ts.isObjectLiteralExpression(e)) continue;
    for (const p of e.properties)
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'keyPrefix' && ts.isStringLiteralLike(unwrap(p.initializer)))
        return (unwrap(p.initializer) as ts.StringLiteral).text;
  }
  return undefined;
}
