// A project's own keyed store: an interface (or object type) that reads, writes and deletes by a
// string key. Injected by a token (`@Inject(CACHE_SERVICE) cache: ICacheService`), its
// implementation is out of the call sites' sight, so its calls are taken as a cache's own.
import { ts } from 'ts-morph';
import { propertyNameText } from '../../syntax/scope';

/**
 * Pattern: interface ICacheService { get<T>(key: string): Promise<T>; set(key: string, value: unknown,
 * ttl?: number): Promise<void>; delete(key: string): Promise<void> } — a keyed store: it reads, writes
 * and deletes by a string key (a cache port whose implementation is injected).
 */
export function isKeyedStore(members: ts.NodeArray<ts.TypeElement>): boolean {
  return keyedStoreDelete(members) !== undefined;
}

/** The store's set takes its TTL in milliseconds, by its parameter's name (`set(key, value, ttlMs?)`). */
export function keyedStoreTtlMs(members: ts.NodeArray<ts.TypeElement>): boolean {
  for (const m of members) {
    const name = m.name && propertyNameText(m.name);
    if (name !== 'set' && name !== 'put') continue;
    const params = ts.isMethodSignature(m) ? m.parameters : ts.isPropertySignature(m) && m.type && ts.isFunctionTypeNode(m.type) ? m.type.parameters : undefined;
    const ttl = params?.[2]?.name;
    if (ttl && ts.isIdentifier(ttl) && /(ms|millis(econds)?)$/i.test(ttl.text)) return true;
  }
  return false;
}

/** A string key; for a delete, also a list of them (`del(keys: string[])`, `string | string[]`). */
function isKeyType(t: ts.TypeNode, method: string): boolean {
  if (t.kind === ts.SyntaxKind.StringKeyword) return true;
  if (!DELETES.includes(method)) return false;
  if (ts.isArrayTypeNode(t)) return t.elementType.kind === ts.SyntaxKind.StringKeyword;
  return ts.isUnionTypeNode(t) && t.types.some((x) => x.kind === ts.SyntaxKind.StringKeyword) && t.types.every((x) => isKeyType(x, method));
}

const DELETES = ['delete', 'del', 'remove', 'invalidate', 'evict'];

/** The delete method of a keyed store (`delete`, `del`, `invalidate`…), or undefined for any other type. */
export function keyedStoreDelete(members: ts.NodeArray<ts.TypeElement>): string | undefined {
  const keyed = new Set<string>();
  for (const m of members) {
    const name = m.name && propertyNameText(m.name);
    if (!name) continue;
    const params = ts.isMethodSignature(m) ? m.parameters : ts.isPropertySignature(m) && m.type && ts.isFunctionTypeNode(m.type) ? m.type.parameters : undefined;
    const first = params?.[0];
    if (first?.type && isKeyType(first.type, name)) keyed.add(name);
  }
  if (!keyed.has('get') || !(keyed.has('set') || keyed.has('put'))) return undefined;
  return DELETES.find((d) => keyed.has(d));
}
