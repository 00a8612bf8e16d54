// Finds and validates the configuration of each file: `.cachelintrc.json`, or a "cachelint" key in
// package.json, in the file's folder or above (the nearest wins; the search stops at a folder that
// holds `.git` or at the filesystem root). Config is JSON data only, never executed: a
// `.cachelintrc.js` or `cachelint.config.ts` is not read. Comments are allowed, as in .eslintrc.json.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultConfig, modulePathKey, type ResolvedConfig } from './config';
import type { CacheLib } from './facts/types';
import { exists, isDir, isFile, readText } from './model/modules/disk';
import { projectModulesFor } from './model/modules/project-modules';
import { RULE_IDS, type RuleId, type SeveritySetting } from './rule';
import { stripJsonComments } from './text/jsonc';

export { stripJsonComments };

export class ConfigError extends Error {
  constructor(
    public file: string,
    public key: string | undefined,
    public detail: string,
    /**
     * Where in the file: the JSON path of the bad key (`['rules', 'missing-tll']`, with
     * `'cachelint'` first in package.json), or the line and column of a syntax error. The editor
     * opens the file there.
     */
    public at: { path: (string | number)[] } | { line: number; column: number } | undefined = undefined,
  ) {
    super(`Invalid cachelint config ${file}: ${key ? `"${key}": ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

/** `['rules', 'x']` → `rules.x`; `['ignore', 2]` → `ignore[2]`: how messages name a key. */
function keyName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export interface ConfigLoader {
  configFor(file: string): ResolvedConfig;
  /**
   * The config governing `file` without its project modules (`projectModules`, which depend on the
   * tsconfig that governs the file): enough for what the config file itself says (`ignore`,
   * `maxFileSize`, `rules`), without reading the module layout.
   */
  baseFor?(file: string): ResolvedConfig;
  /** The config file that governs `file`, valid or not (the editor opens it to be fixed). */
  sourceFor(file: string): string | undefined;
  readonly errors: ConfigError[];
}

export interface ConfigLoaderOptions {
  /** use this file for every analysed file instead of searching (`--config`) */
  configFile?: string;
  rulesOverride?: Partial<Record<RuleId, SeveritySetting>>;
  /** run only these rules (`--rule`): the others are off, these are on even if the file says off */
  onlyRules?: RuleId[];
  /** throw ConfigError from configFor (CLI) instead of recording it and using defaults (LSP) */
  strict?: boolean;
}

const CONFIG_FILE = '.cachelintrc.json';

const CACHE_LIB_SET: Record<CacheLib, true> = {
  ioredis: true,
  'node-redis': true,
  upstash: true,
  'cache-manager': true,
  keyv: true,
  'lru-cache': true,
  'node-cache': true,
  'bun-redis': true,
  iovalkey: true,
  'valkey-glide': true,
  'vercel-kv': true,
  unstorage: true,
  cacheable: true,
  'midway-cache-manager': true,
  'midway-cache': true,
  mnemonist: true,
  'memory-cache': true,
  bentocache: true,
  'keyed-store': true,
};
/** what `cacheModules` may map a module to (the JSON schema's enum is tested against this) */
export const CACHE_LIBS = Object.keys(CACHE_LIB_SET) as CacheLib[];

/** the keys a config may hold (schemas/cachelintrc.schema.json is tested against this) */
export const KEYS = ['rules', 'defaultTtlSeconds', 'cacheModules', 'wrappers', 'sentinels', 'ignore', 'maxFileSize', 'missingTtl', 'includeTestsAndScripts', 'root', '$schema'];

export const SEVERITIES: Record<string, SeveritySetting> = { off: 'off', warn: 'warn', error: 'error', '0': 'off', '1': 'warn', '2': 'error' };

export function createConfigLoader(opts: ConfigLoaderOptions = {}): ConfigLoader {
  /** config file path → its validated partial config, or the error it has */
  const byFile = new Map<string, ResolvedConfig | ConfigError>();
  /** folder → the config file that governs it (null: none) */
  const byDir = new Map<string, string | null>();
  const errors: ConfigError[] = [];
  const defaults = withOverrides(defaultConfig(), opts);

  const load = (file: string, fromPackageJson: boolean): ResolvedConfig | ConfigError => {
    let c = byFile.get(file);
    if (c === undefined) {
      try {
        c = withOverrides(readConfigFile(file, fromPackageJson), opts);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        c = e;
        errors.push(e);
      }
      byFile.set(file, c);
    }
    return c;
  };

  const governing = (dir: string): string | null => {
    const seen: string[] = [];
    let found: string | null = null;
    for (let d = dir; ; ) {
      const cached = byDir.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      seen.push(d);
      const f = configIn(d);
      if (f) {
        found = f;
        break;
      }
      const parent = dirname(d);
      if (parent === d || exists(join(d, '.git'))) break;
      d = parent;
    }
    for (const d of seen) byDir.set(d, found);
    return found;
  };

  const explicit = opts.configFile ? resolve(opts.configFile) : undefined;

  /** the config governing the files of a folder, before their project modules */
  const baseOf = (dir: string): ResolvedConfig => {
    const source = explicit ?? governing(dir);
    if (!source) return defaults;
    const c = load(source, !explicit && source.endsWith('package.json'));
    if (!(c instanceof ConfigError)) return c;
    if (opts.strict) throw c;
    return defaults;
  };

  /** file → its config with its project modules (asked for again and again while rules report) */
  const byPath = new Map<string, ResolvedConfig>();
  /** config → project module list (one array per layout) → the config with that list */
  const withModules = new Map<ResolvedConfig, Map<string[], ResolvedConfig>>();

  const withProjectModules = (base: ResolvedConfig, file: string): ResolvedConfig => {
    let modules: string[] | undefined;
    try {
      modules = projectModulesFor(file);
    } catch {
      // the layout is read defensively; should it still throw, the file keeps the fallback aliases
      modules = undefined;
    }
    if (!modules) return base;
    let variants = withModules.get(base);
    if (!variants) withModules.set(base, (variants = new Map()));
    let c = variants.get(modules);
    if (!c) variants.set(modules, (c = { ...base, projectModules: modules }));
    return c;
  };

  return {
    errors,
    sourceFor: (file) => explicit ?? governing(dirname(resolve(file))) ?? undefined,
    configFor(file: string): ResolvedConfig {
      // asked three times per file of a run, mostly with absolute paths already normal
      const known = byPath.get(file);
      if (known) return known;
      const abs = resolve(file);
      const cached = byPath.get(abs);
      if (cached) {
        byPath.set(file, cached);
        return cached;
      }
      const c = withProjectModules(baseOf(dirname(abs)), abs);
      byPath.set(abs, c);
      if (file !== abs) byPath.set(file, c);
      return c;
    },
    baseFor: (file) => baseOf(dirname(resolve(file))),
  };
}

/** The config file of a folder, if it has one: `.cachelintrc.json` first, then package.json. */
function configIn(dir: string): string | undefined {
  const rc = join(dir, CONFIG_FILE);
  if (isFile(rc)) return rc;
  const pkg = join(dir, 'package.json');
  if (!isFile(pkg)) return undefined;
  try {
    const data: unknown = JSON.parse(readText(pkg) ?? '');
    if (data && typeof data === 'object' && 'cachelint' in data) return pkg;
  } catch {
    // A broken package.json is not ours to report: it just holds no cachelint config.
  }
  return undefined;
}


function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function readConfigFile(file: string, fromPackageJson: boolean): ResolvedConfig {
  let text: string;
  try {
    text = stripBom(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(file, undefined, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(fromPackageJson ? text : stripJsonComments(text));
  } catch (e) {
    const { text: where, at } = jsonErrorAt(text, (e as Error).message);
    throw new ConfigError(file, undefined, `malformed JSON: ${where}`, at);
  }
  const prefix: string[] = [];
  if (fromPackageJson) {
    data = (data as Record<string, unknown>).cachelint;
    prefix.push('cachelint');
  }
  return validate(file, data, prefix);
}

/** "Unexpected token } in JSON at position 42" → "Unexpected token } at 3:7" (and that position). */
function jsonErrorAt(text: string, message: string): { text: string; at?: { line: number; column: number } } {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  const base = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/^JSON\.parse: /, '');
  if (lc) return { text: `${base} at ${lc[1]}:${lc[2]}`, at: { line: Number(lc[1]), column: Number(lc[2]) } };
  const pos = /at position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : /end of (JSON )?input/i.test(message) ? text.length : undefined;
  if (offset === undefined) return { text: base };
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const at = { line: before.length, column: before[before.length - 1].length + 1 };
  return { text: `${base} at ${at.line}:${at.column}`, at };
}

/** A value for a message: its JSON, cut short. A config value can be megabytes long, or nested too
 * deeply for JSON.stringify (which then throws RangeError, and the CLI would report a crash). */
function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v); // JSON would say null
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    s = undefined;
  }
  if (s === undefined) return kindOf(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Extensions a module of the project may have on disk, as the compiler probes them. */
const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The absolute path a `cacheModules` key names in the project, if it is a path: `./lib/cache` or
 * `../shared/cache` always (relative to the config file's folder), `server/lib/cache` when that
 * file or folder exists there (a bare package name never does).
 */
function projectPath(configFile: string, key: string): string | undefined {
  const at = resolve(dirname(configFile), key);
  if (key.startsWith('./') || key.startsWith('../')) return at;
  if (key.startsWith('@') || !key.includes('/')) return undefined;
  if (isDir(at) || isFile(at) || MODULE_EXTENSIONS.some((e) => isFile(at + e))) return at;
  return undefined;
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function validate(file: string, data: unknown, prefix: readonly string[]): ResolvedConfig {
  const fail = (key: (string | number)[] | undefined, msg: string): never => {
    const path = [...prefix, ...(key ?? [])];
    throw new ConfigError(file, path.length > 0 ? keyName(path) : undefined, msg, { path });
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail(undefined, `expected an object, got ${kindOf(data)}`);
  const obj = data as Record<string, unknown>;
  const config = defaultConfig();
  config.configFile = file;
  for (const [key, value] of Object.entries(obj)) {
    switch (key) {
      case 'rules':
        config.rules = validateRules(value, (k, m) => fail(k, m), config.rules);
        break;
      case 'defaultTtlSeconds':
      case 'maxFileSize':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
          fail([key], `expected a positive integer, got ${show(value)}`);
        config[key] = value as number;
        break;
      case 'cacheModules':
        if (!value || typeof value !== 'object' || Array.isArray(value)) fail([key], `expected an object, got ${kindOf(value)}`);
        for (const [mod, lib] of Object.entries(value as Record<string, unknown>)) {
          if (typeof lib !== 'string' || !(lib in CACHE_LIB_SET))
            fail([key, mod], `expected one of ${CACHE_LIBS.map((l) => `'${l}'`).join(', ')}, got ${show(lib)}`);
          config.cacheModules[mod] = lib as CacheLib;
          // Pattern: "./server/lib/cache": a module of the project, however each file imports it
          const at = projectPath(file, mod);
          if (at) (config.cacheFiles ??= {})[modulePathKey(at)] = lib as CacheLib;
        }
        break;
      case 'wrappers':
      case 'sentinels':
      case 'ignore':
        if (!Array.isArray(value)) fail([key], `expected an array of strings, got ${kindOf(value)}`);
        (value as unknown[]).forEach((v, i) => {
          if (typeof v !== 'string' || v.length === 0) fail([key, i], `expected a non-empty string, got ${show(v)}`);
          // Pattern: "ignore": ["../../**"]: globs match paths below the folder they are relative to,
          // so this one could never match anything; say so rather than silently ignore nothing.
          if (key === 'ignore' && (v as string).replace(/^!/, '').split(/[\\/]/).includes('..'))
            fail([key, i], `${show(v)} reaches outside the folder the patterns are relative to, so it can never match`);
        });
        config[key] = [...(value as string[])];
        break;
      case 'missingTtl':
        if (value !== 'caches' && value !== 'all-writes') fail([key], `expected "caches" or "all-writes", got ${show(value)}`);
        config.missingTtl = value as 'caches' | 'all-writes';
        break;
      case 'includeTestsAndScripts':
        if (typeof value !== 'boolean') fail([key], `expected true or false, got ${show(value)}`);
        config.includeTestsAndScripts = value as boolean;
        break;
      case 'root':
        // Accepted as in .eslintrc: the nearest config already wins, so nothing above is read.
        if (typeof value !== 'boolean') fail([key], `expected true or false, got ${show(value)}`);
        break;
      case '$schema':
        if (typeof value !== 'string') fail([key], `expected a string, got ${kindOf(value)}`);
        break;
      default:
        fail([key], `unknown key${didYouMean(key, KEYS)} (known keys: ${KEYS.filter((k) => k !== '$schema').join(', ')})`);
    }
  }
  return config;
}

function validateRules(
  value: unknown,
  fail: (key: (string | number)[], msg: string) => never,
  base: Record<RuleId, SeveritySetting>,
): Record<RuleId, SeveritySetting> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(['rules'], `expected an object, got ${kindOf(value)}`);
  const rules = { ...base };
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!(RULE_IDS as readonly string[]).includes(id))
      fail(['rules', id], `unknown rule id${didYouMean(id, RULE_IDS)} (known rules: ${RULE_IDS.join(', ')})`);
    // Pattern: "missing-ttl": ["error"] (ESLint's array form, without options)
    const sev = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (Array.isArray(raw) && raw.length > 1) fail(['rules', id], 'rule options are not supported: use a severity alone');
    const s = typeof sev === 'string' || typeof sev === 'number' ? SEVERITIES[String(sev)] : undefined;
    if (!s) fail(['rules', id], `expected "off", "warn", "error", 0, 1 or 2, got ${show(raw)}`);
    rules[id as RuleId] = s as SeveritySetting;
  }
  return rules;
}

function withOverrides(c: ResolvedConfig, opts: ConfigLoaderOptions): ResolvedConfig {
  if (!opts.onlyRules && !opts.rulesOverride) return c;
  const rules = { ...c.rules };
  if (opts.onlyRules) {
    for (const id of RULE_IDS) {
      if (!opts.onlyRules.includes(id)) rules[id] = 'off';
      else if (rules[id] === 'off') rules[id] = 'warn';
    }
  }
  for (const [id, s] of Object.entries(opts.rulesOverride ?? {})) if (s) rules[id as RuleId] = s;
  return { ...c, rules };
}

/** ` (did you mean 'x'?)` when one candidate is within a small edit distance, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
