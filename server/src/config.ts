// Settings shared by the CLI and the language server: the resolved configuration of one file.
// Loading `.cachelintrc.json` / package.json "cachelint" lives in config-load.ts; this file holds
// only the shape and the defaults, so the engine can depend on it without touching the disk.
import { posix } from 'node:path';
import type { CacheLib } from './facts/types';
import { RULE_IDS, type RuleId, type SeveritySetting } from './rule';

export interface ResolvedConfig {
  /** severity per rule; `off` disables it */
  rules: Record<RuleId, SeveritySetting>;
  /** when set, missing-ttl offers its TTL as a safe fix with this many seconds */
  defaultTtlSeconds?: number;
  /** extra modules whose exports are cache clients, with the library whose semantics they follow */
  cacheModules: Record<string, CacheLib>;
  /**
   * The `cacheModules` keys that name a file or folder of the project (`./server/lib/cache`):
   * absolute paths without extension or `/index`, matched against what relative imports reach
   * (configuredLib). Filled by the config loader.
   */
  cacheFiles?: Record<string, CacheLib>;
  /** extra project class names to treat as cache wrappers (TTL unknown: missing-ttl stays silent) */
  wrappers: string[];
  /** extra not-found sentinel string values */
  sentinels: string[];
  /** glob patterns (relative to the config file's folder) of files to skip */
  ignore: string[];
  /** files larger than this many bytes are skipped with a notice */
  maxFileSize: number;
  /**
   * missing-ttl on keys of unknown role too (`all-writes`), or only on keys known to be caches
   * (`caches`, the default): a key with no read that reloads it is often no cache at all
   */
  missingTtl: 'caches' | 'all-writes';
  /** analyse tests and scripts like product code (default: no findings there, their keys do not count) */
  includeTestsAndScripts: boolean;
  /** the config file this came from, if any */
  configFile?: string;
  /**
   * Bare specifiers that name this project's own modules, for this file: patterns in the syntax of
   * tsconfig `paths` keys (`@app/*`, `src/*`, `#*`; a pattern without `*` matches exactly, as
   * `@acme/cache`). Workspace package names (each with its `/*`), `paths` keys, what lies under
   * `baseUrl`, package.json `imports` keys; and, for a file no tsconfig/jsconfig governs, the usual
   * bundler aliases `@/*`, `~/*`, `#*`, `src/*`. Filled by the config loader from the layout on disk
   * (model/modules/project-modules.ts); undefined when nothing looked (a config built in memory).
   */
  projectModules?: string[];
}

/** The aliases assumed where no tsconfig/jsconfig says which bare specifiers are the project's. */
export const FALLBACK_PROJECT_MODULES: readonly string[] = ['@/*', '~/*', '#*', 'src/*'];

/** Whether `spec` matches a tsconfig `paths`-style pattern: `@app/*` (one `*`, any text) or an exact name. */
export function matchesModulePattern(pattern: string, spec: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return spec === pattern;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return spec.length >= prefix.length + suffix.length && spec.startsWith(prefix) && spec.endsWith(suffix);
}

/**
 * Whether an import specifier names a module of the project rather than a dependency, for a file
 * with this config: relative and absolute paths, and bare specifiers matching `projectModules`
 * (the fallback aliases when the loader did not fill it).
 */
export function isProjectModuleIn(config: Pick<ResolvedConfig, 'projectModules'>, spec: string): boolean {
  if (spec.startsWith('.') || spec.startsWith('/')) return true;
  return (config.projectModules ?? FALLBACK_PROJECT_MODULES).some((p) => matchesModulePattern(p, spec));
}

export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

export function defaultConfig(): ResolvedConfig {
  const rules = {} as Record<RuleId, SeveritySetting>;
  for (const id of RULE_IDS) rules[id] = 'warn';
  return { rules, cacheModules: {}, wrappers: [], sentinels: [], ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, missingTtl: 'caches', includeTestsAndScripts: false };
}

/** `/w/lib/cache.ts`, `/w/lib/cache/index.js` and `/w/lib/cache` name one module: `/w/lib/cache`. */
export function modulePathKey(abs: string): string {
  return abs.replace(/\\/g, '/').replace(/\.(d\.)?[cm]?[jt]sx?$/, '').replace(/\/index$/, '').replace(/\/$/, '');
}

/**
 * The library a module specifier stands for in `file` by the configuration: a `cacheModules` name
 * as written (`@acme/cache`), or a relative import that reaches one of its paths (`../lib/cache`
 * from any folder, for `"./server/lib/cache"`).
 */
export function configuredLib(config: ResolvedConfig, file: string, spec: string): CacheLib | undefined {
  const named = config.cacheModules[spec];
  if (named || !config.cacheFiles || !(spec.startsWith('./') || spec.startsWith('../'))) return named;
  return config.cacheFiles[modulePathKey(posix.join(posix.dirname(file.replace(/\\/g, '/')), spec))];
}
