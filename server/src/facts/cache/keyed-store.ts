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

/** The delete method of a keyed store (`delete`, `del`, `invalidate`…), or undefined for any other type. */
export function keyedStoreDelete(members: ts.NodeArray<ts.TypeElement>): string | undefined {
  const keyed = new Set<string>();
  for (const m of members) {
    const name = m.name && propertyNameText(m.name);
    if (!name) continue;
    const params = ts.isMethodSignature(m) ? m.parameters : ts.isPropertySignature(m) && m.type && ts.isFunctionTypeNode(m.type) ? m.type.parameters : undefined;
    const first = params?.[0];
    if (first && first.type && first.type.kind === ts.SyntaxKind.StringKeyword) keyed.add(name);
  }
  if (!keyed.has('get') || !(keyed.has('set') || keyed.has('put'))) return undefined;
  return ['delete', 'del', 'remove', 'invalidate', 'evict'].find((d) => keyed.has(d));
}
