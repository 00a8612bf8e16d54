// Midway's cache stores get their default TTL from the framework's config files
// (`src/config/config.default.ts`, `config.prod.ts`…), read here as syntax, never run:
//   export default { cacheManager: { clients: { default: { store: 'memory', options: { ttl: 0 } } } } }
// (@midwayjs/cache-manager, milliseconds, `ttl: 0` = never expires), or for the older
// @midwayjs/cache `cache: { store: 'memory', options: { ttl: 10 } }` (seconds, 10 unless configured).
// The result, per client name (`@cache` for the older one): the store sets a TTL (true), visibly
// sets none (false), or cannot be told (null).
import { ts } from 'ts-morph';
import { returnExprOf, stripFreeze } from '../../syntax/local-values';
import { propertyNameText, unwrap } from '../../syntax/scope';

/** `config/config.default.ts`, `config/config.prod.js`…: the files Midway merges into its config. */
export function isMidwayConfigFile(file: string): boolean {
  return /(^|[\\/])config[\\/]config\.[\w-]+\.[cm]?[jt]s$/.test(file);
}

/** The default TTL of each cache store the config file configures (undefined: it configures none). */
export function midwayCacheTtl(sf: ts.SourceFile): Record<string, boolean | null> | undefined {
  const roots: ts.ObjectLiteralExpression[] = [];
  let opaque = false;
  const named: Record<string, ts.Expression> = {};
  for (const st of sf.statements) {
    // Pattern: export default { … } as MidwayConfig  /  export default (appInfo) => ({ … })
    if (ts.isExportAssignment(st)) {
      const root = configObject(st.expression);
      if (root) roots.push(root);
      else opaque = true;
    }
    // Pattern: module.exports = { … }
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^module\.exports$/.test(st.expression.left.getText(sf))) {
      const root = configObject(st.expression.right);
      if (root) roots.push(root);
      else opaque = true;
    }
    // Pattern: export const cacheManager = { clients: { … } }
    if (ts.isVariableStatement(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) named[d.name.text] = d.initializer;
  }
  const out: Record<string, boolean | null> = {};
  const sections: [string, ts.Expression | undefined][] = [
    ['cacheManager', named.cacheManager],
    ['cache', named.cache],
    ...roots.flatMap((r): [string, ts.Expression | undefined][] => [
      ['cacheManager', member(r, 'cacheManager')],
      ['cache', member(r, 'cache')],
    ]),
  ];
  for (const [key, value] of sections) {
    if (!value) continue;
    if (key === 'cacheManager') cacheManagerClients(value, out);
    else out['@cache'] = merge(out['@cache'], legacyCache(value));
  }
  // a config whose root cachelint cannot read may configure any store
  if (opaque && /\bcache(Manager)?\s*[:=]/.test(sf.text)) out['*'] = null;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The object a config file exports: an object literal, or what a config function returns. */
function configObject(e: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const u = stripFreeze(e);
  if (ts.isObjectLiteralExpression(u)) return u;
  if (ts.isArrowFunction(u) || ts.isFunctionExpression(u)) {
    const r = returnExprOf(u);
    const o = r && stripFreeze(r);
    return o && ts.isObjectLiteralExpression(o) ? o : undefined;
  }
  return undefined;
}

/** A property's value; undefined when absent, the object itself (opaque) when a spread may hold it. */
function member(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) return p.expression;
    if (propertyNameText(p.name) !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
    return OPAQUE; // a method or accessor: no literal to read
  }
  return undefined;
}

/** Stands for a value that is there but not a literal (never an object literal, so every reader gives up on it). */
const OPAQUE: ts.Expression = ts.factory.createIdentifier('opaque');

function merge(a: boolean | null | undefined, b: boolean | null): boolean | null {
  if (a === undefined) return b;
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

/** `cacheManager: { client: {…} }` (one store, `default`) or `{ clients: { name: {…} }, default: {…} }`. */
function cacheManagerClients(value: ts.Expression, out: Record<string, boolean | null>): void {
  const cm = stripFreeze(value);
  if (!ts.isObjectLiteralExpression(cm)) {
    out['*'] = null;
    return;
  }
  // options under `default` apply to every client that does not set them
  const shared = member(cm, 'default');
  const sharedTtl = shared ? clientTtl(shared, undefined) : undefined;
  const single = member(cm, 'client');
  if (single) out.default = merge(out.default, clientTtl(single, sharedTtl));
  const clients = member(cm, 'clients');
  if (!clients) return;
  const cs = stripFreeze(clients);
  if (!ts.isObjectLiteralExpression(cs)) {
    out['*'] = null;
    return;
  }
  for (const p of cs.properties) {
    const name = propertyNameText(p.name);
    if (ts.isSpreadAssignment(p) || name === undefined || !ts.isPropertyAssignment(p)) {
      out['*'] = null;
      continue;
    }
    out[name] = merge(out[name], clientTtl(p.initializer, sharedTtl));
  }
}

/**
 * One store's default TTL: `options.ttl` (0 = never expires), else none for the built-in
 * `'memory'` store; a store of its own (`redisStore`, `CoolCacheStore`) may have a default: unknown.
 */
function clientTtl(value: ts.Expression, shared: boolean | null | undefined): boolean | null {
  const c = stripFreeze(value);
  if (!ts.isObjectLiteralExpression(c)) return null;
  const store = member(c, 'store');
  const options = member(c, 'options');
  const o = options && stripFreeze(options);
  if (options && (!o || !ts.isObjectLiteralExpression(o))) return null;
  const ttl = o && ts.isObjectLiteralExpression(o) ? member(o, 'ttl') : undefined;
  if (ttl) return literalTtl(ttl);
  if (shared !== undefined) return shared;
  const s = store && unwrap(store);
  return s && ts.isStringLiteralLike(s) && s.text === 'memory' ? false : null;
}

function literalTtl(e: ts.Expression): boolean | null {
  const v = unwrap(e);
  return ts.isNumericLiteral(v) ? Number(v.text) !== 0 : null;
}

/** The older @midwayjs/cache: `cache: { store, options: { ttl } }`, whose package default is `ttl: 10` seconds. */
function legacyCache(value: ts.Expression): boolean | null {
  const c = stripFreeze(value);
  if (!ts.isObjectLiteralExpression(c)) return null;
  const options = member(c, 'options');
  if (!options) return true;
  const o = stripFreeze(options);
  if (!ts.isObjectLiteralExpression(o)) return null;
  const ttl = member(o, 'ttl');
  return ttl ? literalTtl(ttl) : true;
}
