// A project's own keyed store: an interface (or object type) that reads, writes and deletes by a
// string key. Injected by a token (`@Inject(CACHE_SERVICE) cache: ICacheService`), its
// implementation is out of the call sites' sight, so its calls are taken as a cache's own.
import { ts } from 'ts-morph';
import { propertyNameText } from '../../syntax/scope';
import type { KeyedStore } from '../types';

/**
 * Pattern: interface ICacheService { get<T>(key: string): Promise<T>; set(key: string, value: unknown,
 * ttl?: number): Promise<void>; delete(key: string): Promise<void> } — a keyed store: it reads, writes
 * and deletes by a string key (a cache port whose implementation is injected); undefined for any other type.
 */
export function keyedStoreOf(members: ts.NodeArray<ts.TypeElement>): KeyedStore | undefined {
  const keyed = new Set<string>();
  let ttlMs = false;
  for (const m of members) {
    const name = m.name && propertyNameText(m.name);
    if (!name) continue;
    const params = ts.isMethodSignature(m) ? m.parameters : ts.isPropertySignature(m) && m.type && ts.isFunctionTypeNode(m.type) ? m.type.parameters : undefined;
    const first = params?.[0];
    if (first?.type && isKeyType(first.type, name)) keyed.add(name);
    const ttl = name === 'set' || name === 'put' ? params?.[2]?.name : undefined;
    if (ttl && ts.isIdentifier(ttl) && /(ms|millis(econds)?)$/i.test(ttl.text)) ttlMs = true;
  }
  if (!keyed.has('get') || !(keyed.has('set') || keyed.has('put'))) return undefined;
  const del = DELETES.find((d) => keyed.has(d));
  return del === undefined ? undefined : { del, ...(ttlMs ? { ttlMs: true as const } : {}) };
}

const DELETES = ['delete', 'del', 'remove', 'invalidate', 'evict'];

/** A string key; for a delete, also a list of them (`del(keys: string[])`, `string | string[]`). */
function isKeyType(t: ts.TypeNode, method: string): boolean {
  if (t.kind === ts.SyntaxKind.StringKeyword) return true;
  if (!DELETES.includes(method)) return false;
  if (ts.isArrayTypeNode(t)) return t.elementType.kind === ts.SyntaxKind.StringKeyword;
  return ts.isUnionTypeNode(t) && t.types.some((x) => x.kind === ts.SyntaxKind.StringKeyword) && t.types.every((x) => isKeyType(x, method));
}
