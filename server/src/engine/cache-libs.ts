// Which cache libraries a workspace uses, as its package.json files and imports say: the other half
// of "never silently blind" (engine/coverage.ts). A project that depends on ioredis, in which
// cachelint recognised no cache call, is one it cannot see into, and the user must be told so.
// Read as JSON data, never by loading anything.
import { dirname, join } from 'node:path';
import { CLIENT_MODULES } from '../facts/cache/client-modules';
import type { FileFacts } from '../facts/types';
import { readText } from '../model/modules/disk';
import { modulePathKey } from '../config';

/**
 * Packages that mean a cache is in use: the clients cachelint follows, and store adapters that
 * imply one of them (`@keyv/redis` is Keyv over Redis, `cache-manager-redis-yet` cache-manager).
 */
export const CACHE_PACKAGES: readonly string[] = [
  // `bun` is the whole runtime and mnemonist a library of data structures: importing or depending on
  // either says nothing about a cache
  ...Object.keys(CLIENT_MODULES).filter((m) => !m.includes('/nodejs') && !m.includes('/cloudflare') && m !== 'bun' && !m.startsWith('mnemonist')),
  '@keyv/redis',
  'cache-manager-redis-store',
  'cache-manager-redis-yet',
  'cache-manager-ioredis-yet',
  'cache-manager-ioredis',
  'cacheable',
  // framework plugins whose clients reach code through the framework (`app.redis`, DI): a project
  // depending on one with no cache call seen is told so
  '@midwayjs/redis',
  'egg-redis',
  '@fastify/redis',
  'cachegoose',
];

const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** A cache library in use, and where that is said (`package.json` path, or the importing file). */
export interface CacheLibUse {
  name: string;
  /** the package.json listing it, or the first file importing it */
  from: string;
}

/** The cache packages one package.json lists (none when it is missing or not JSON). */
function listedIn(manifest: string): string[] {
  const text = readText(manifest);
  if (text === undefined) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object') return [];
  const out: string[] = [];
  for (const field of DEP_FIELDS) {
    const deps = (data as Record<string, unknown>)[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const name of CACHE_PACKAGES) if (name in deps && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * The cache libraries `files` use: listed in the nearest package.json of each file (one lookup per
 * folder), or imported by a parsed file (`factsOf`), by its own name or a `cacheModules` name.
 */
/** The `cacheModules` path key a relative import reaches (`../lib/cache` → `./server/lib/cache`). */
function configuredPath(own: Record<string, unknown>, file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const at = modulePathKey(join(dirname(file), spec));
  return Object.keys(own).find((k) => k.includes('/') && !k.startsWith('@') && at.endsWith(`/${modulePathKey(k.replace(/^(\.\.?\/)+/, ''))}`));
}

export function cacheLibsUsed(
  files: Iterable<string>,
  factsOf: (file: string) => FileFacts | undefined,
  cacheModulesOf: (file: string) => Record<string, unknown> = () => ({}),
): CacheLibUse[] {
  const found = new Map<string, string>();
  const nearest = new Map<string, string | null>();
  const manifestFor = (dir: string): string | null => {
    const seen: string[] = [];
    let hit: string | null = null;
    for (let d = dir; ; d = dirname(d)) {
      const known = nearest.get(d);
      if (known !== undefined) {
        hit = known;
        break;
      }
      seen.push(d);
      if (d.split(/[\\/]/).includes('node_modules')) break;
      if (readText(join(d, 'package.json')) !== undefined) {
        hit = join(d, 'package.json');
        break;
      }
      if (dirname(d) === d) break;
    }
    for (const d of seen) nearest.set(d, hit);
    return hit;
  };
  const manifests = new Set<string>();
  for (const file of files) {
    const m = manifestFor(dirname(file));
    if (m) manifests.add(m);
    const facts = factsOf(file);
    if (!facts) continue;
    const own = cacheModulesOf(file);
    for (const imp of facts.imports) {
      // a configured path is shown once, as written in the config, not as each file's relative spelling
      const name = CACHE_PACKAGES.includes(imp.module) ? imp.module : imp.module in own ? imp.module : configuredPath(own, file, imp.module);
      if (name && !found.has(name)) found.set(name, file);
    }
  }
  for (const m of [...manifests].sort()) for (const name of listedIn(m)) if (!found.has(name)) found.set(name, m);
  return [...found].map(([name, from]) => ({ name, from })).sort((a, b) => a.name.localeCompare(b.name));
}
