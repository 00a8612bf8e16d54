// Which tsconfig.json / jsconfig.json governs a file, and the parts of it that say where modules
// live (`paths`, `baseUrl`, `rootDir`/`outDir`, `references`, `files`/`include`/`exclude`), read as
// JSON data with `extends` followed (relative files and packages such as `@tsconfig/node20`).
//
// The governing config is the one the editor's TypeScript server picks: the nearest tsconfig.json
// (else jsconfig.json) upward that includes the file, directly or through its project
// `references` (a solution config with `"files": []` hands its files to the referenced projects);
// a config that does not include the file is passed over and the search goes on upward. No config
// governs a file nothing includes. Unlike TypeScript, any analysed source file counts as included
// when the patterns match (a .js file without `allowJs` too): it imports through the same aliases.
//
// This reader needs no compiler, so the config loader can list a file's project modules on a warm
// CLI run that loads none. The compiler reads the same files again, through its own parser, for the
// options resolution uses (module-resolver.ts).
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseJsonc } from '../../text/jsonc';
import { isDir, isFile, noteProblem, onClearLayout, readText } from './disk';
import { tsconfigPatternRegex } from './globs';
import { generatedPaths } from './generated-paths';

export interface TsconfigInfo {
  file: string;
  /** false when the file (or what it extends) is not valid JSON: resolution ignores it */
  ok: boolean;
  /** the config and every file it extends, in reading order (for the layout key) */
  read: string[];
  /**
   * `paths`, and the folder their targets are relative to (baseUrl, else the defining config's
   * folder); with the aliases of a framework's generated config when it is missing (generated-paths.ts)
   */
  paths?: Record<string, string[]>;
  /** the aliases a missing generated config would give, absolute (also handed to the compiler's options) */
  generatedPaths?: Record<string, string[]>;
  pathsBase?: string;
  baseUrl?: string;
  rootDir?: string;
  outDir?: string;
  /** `rootDirs`, absolute: relative imports may cross them (only the compiler resolves those) */
  rootDirs?: string[];
  /** referenced projects' config files */
  references: string[];
  includes(file: string): boolean;
  /** whether `includes` answers alike for all files of a folder (its patterns name folders only) */
  byFolder: boolean;
}

interface Raw {
  compilerOptions: Record<string, { value: unknown; dir: string }>;
  files?: { value: unknown; dir: string };
  include?: { value: unknown; dir: string };
  exclude?: { value: unknown; dir: string };
  references?: unknown;
  read: string[];
  ok: boolean;
  generatedPaths?: Record<string, string[]>;
}

const infos = new Map<string, TsconfigInfo>();
/** folder → the configs in it and above, nearest first */
const candidates = new Map<string, string[]>();
const governing = new Map<string, TsconfigInfo | null>();
/** folder → the config governing all its files, where every config considered decides by folder */
const governingByFolder = new Map<string, TsconfigInfo | null>();
onClearLayout(() => {
  infos.clear();
  candidates.clear();
  governing.clear();
  governingByFolder.clear();
});

/** Whether every file of `dir` has the same governing config (known once one file of it was asked about). */
export function governsWholeFolder(dir: string): boolean {
  return governingByFolder.has(dir);
}

/** The config governing `file`, if any (see the header). */
export function governingTsconfig(file: string): TsconfigInfo | undefined {
  const dir = dirname(file);
  let g = governingByFolder.has(dir) ? governingByFolder.get(dir) : governing.get(file);
  if (g === undefined) {
    const considered: TsconfigInfo[] = [];
    g = null;
    for (const c of configsAbove(dir)) {
      const hit = including(readTsconfig(c), file, new Set(), considered);
      if (hit) {
        g = hit;
        break;
      }
    }
    // asked for every file of every run: the answer of the folder's first file holds for the others
    if (considered.every((c) => c.byFolder)) governingByFolder.set(dir, g);
    else governing.set(file, g);
  }
  return g ?? undefined;
}

/** `info` or one of its referenced projects (depth first) that includes `file`; `considered` collects those asked. */
function including(info: TsconfigInfo, file: string, seen: Set<string>, considered: TsconfigInfo[]): TsconfigInfo | undefined {
  if (seen.has(info.file) || seen.size > 50) return undefined;
  seen.add(info.file);
  considered.push(info);
  if (info.includes(file)) return info;
  for (const r of info.references) {
    const hit = including(readTsconfig(r), file, seen, considered);
    if (hit) return hit;
  }
  return undefined;
}

function configsAbove(dir: string): string[] {
  const cached = candidates.get(dir);
  if (cached) return cached;
  const own = ['tsconfig.json', 'jsconfig.json'].map((n) => join(dir, n)).filter(isFile);
  const parent = dirname(dir);
  const list = parent === dir ? own : [...own, ...configsAbove(parent)];
  candidates.set(dir, list);
  return list;
}

/** Reads a config (cached): its own settings over those it extends. */
export function readTsconfig(file: string): TsconfigInfo {
  let info = infos.get(file);
  if (!info) {
    info = build(file, readRaw(file, new Set()));
    infos.set(file, info);
  }
  return info;
}

function readRaw(file: string, seen: Set<string>): Raw {
  const raw: Raw = { compilerOptions: {}, read: [file], ok: true };
  if (seen.has(file) || seen.size > 20) return raw;
  seen.add(file);
  const dir = dirname(file);
  const text = readText(file);
  let data: unknown;
  try {
    if (text === undefined) throw new Error('cannot be read');
    data = parseJsonc(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('is not a JSON object');
  } catch (e) {
    noteProblem(file, `${(e as Error).message}; its module settings (paths, baseUrl, references) are not followed`);
    return { ...raw, ok: false };
  }
  const obj = data as Record<string, unknown>;
  const bases = typeof obj.extends === 'string' ? [obj.extends] : Array.isArray(obj.extends) ? obj.extends.filter((e): e is string => typeof e === 'string') : [];
  for (const ext of bases) {
    // not named when missing: a base in a package (`@tsconfig/node20`) is missing wherever
    // node_modules is, CI checkouts included, and such bases rarely say where modules live
    const baseFile = extendedConfig(ext, dir);
    if (!baseFile) {
      // Pattern: "extends": "./.svelte-kit/tsconfig.json" — written by the framework's build, absent from a checkout
      const generated = generatedPaths(ext, dir);
      if (generated) raw.generatedPaths = { ...raw.generatedPaths, ...generated };
      continue;
    }
    // a base that cannot be read is named (readRaw) and skipped: the config's own settings still hold
    const base = readRaw(baseFile, seen);
    raw.read.push(...base.read);
    Object.assign(raw.compilerOptions, base.compilerOptions);
    if (base.generatedPaths) raw.generatedPaths = { ...raw.generatedPaths, ...base.generatedPaths };
    for (const k of ['files', 'include', 'exclude'] as const) if (base[k]) raw[k] = base[k];
  }
  const opts = obj.compilerOptions;
  if (opts && typeof opts === 'object' && !Array.isArray(opts))
    for (const [k, v] of Object.entries(opts)) raw.compilerOptions[k] = { value: v, dir };
  for (const k of ['files', 'include', 'exclude'] as const) if (k in obj) raw[k] = { value: obj[k], dir };
  raw.references = obj.references;
  return raw;
}

/** The file an `extends` names: a path, or a package's config found through node_modules upward. */
function extendedConfig(ext: string, dir: string): string | undefined {
  if (ext.startsWith('.') || isAbsolute(ext)) {
    const p = resolve(dir, ext);
    return isFile(p) ? p : isFile(`${p}.json`) ? `${p}.json` : undefined;
  }
  for (let d = dir; ; d = dirname(d)) {
    const p = join(d, 'node_modules', ext);
    if (isFile(p)) return p;
    if (isFile(`${p}.json`)) return `${p}.json`;
    if (isDir(p)) {
      const pkg = readText(join(p, 'package.json'));
      let field: unknown;
      try {
        field = pkg === undefined ? undefined : (JSON.parse(pkg) as Record<string, unknown>).tsconfig;
      } catch {
        field = undefined;
      }
      const named = typeof field === 'string' ? join(p, field) : join(p, 'tsconfig.json');
      if (isFile(named)) return named;
    }
    if (dirname(d) === d) return undefined;
  }
}

function build(file: string, raw: Raw): TsconfigInfo {
  const configDir = dirname(file);
  // `${configDir}` in a path means the folder of the config being read, not of the one defining it
  const abs = (p: string, dir: string) => resolve(dir, p.replace(/^\$\{configDir\}/, configDir));
  const opt = (k: string) => raw.compilerOptions[k];
  const str = (k: string) => {
    const o = opt(k);
    return o && typeof o.value === 'string' ? abs(o.value, o.dir) : undefined;
  };
  const baseUrl = str('baseUrl');
  const paths = opt('paths');
  let pathMap: Record<string, string[]> | undefined;
  if (paths && paths.value && typeof paths.value === 'object' && !Array.isArray(paths.value)) {
    pathMap = {};
    for (const [k, v] of Object.entries(paths.value as Record<string, unknown>))
      if (Array.isArray(v)) pathMap[k] = v.filter((t): t is string => typeof t === 'string');
  }
  const refsRaw = raw.references;
  const references: string[] = [];
  if (Array.isArray(refsRaw))
    for (const r of refsRaw) {
      const p = r && typeof r === 'object' && typeof (r as { path?: unknown }).path === 'string' ? resolve(configDir, (r as { path: string }).path) : undefined;
      if (p) references.push(isDir(p) ? join(p, 'tsconfig.json') : p);
    }
  const outDir = str('outDir');
  const list = (f: { value: unknown; dir: string } | undefined) =>
    f && Array.isArray(f.value) ? f.value.filter((x): x is string => typeof x === 'string').map((x) => abs(x, f.dir)) : undefined;
  const files = list(raw.files);
  const include = list(raw.include) ?? (files ? [] : [join(configDir, '**/*')]);
  const exclude = list(raw.exclude) ?? [...['node_modules', 'bower_components', 'jspm_packages'].map((n) => join(configDir, n)), ...(outDir ? [outDir] : [])];
  const fileSet = new Set(files ?? []);
  const inc = include.map((p) => tsconfigPatternRegex(p, 'include'));
  const exc = exclude.map((p) => tsconfigPatternRegex(p, 'exclude'));
  const matches = (f: string) => inc.some((r) => r.test(f)) && !exc.some((r) => r.test(f));
  // Patterns that name folders only (`src`, `src/**/*`, `node_modules`, `dist`) decide alike for
  // every file of a folder
  const lastOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const folderShaped = include.every((p) => !/[.*?]/.test(lastOf(p)) || lastOf(p) === '*') && exclude.every((p) => !/[.*?]/.test(lastOf(p)));
  // the generated aliases (absolute targets) under the config's own `paths`, which win
  if (raw.generatedPaths) pathMap = { ...raw.generatedPaths, ...pathMap };
  return {
    file,
    ok: raw.ok,
    read: [...new Set(raw.read)],
    paths: pathMap,
    pathsBase: pathMap ? (baseUrl ?? paths?.dir ?? configDir) : undefined,
    ...(raw.generatedPaths ? { generatedPaths: raw.generatedPaths } : {}),
    baseUrl,
    rootDir: str('rootDir'),
    rootDirs: (() => {
      const o = opt('rootDirs');
      return o && Array.isArray(o.value) ? o.value.filter((x): x is string => typeof x === 'string').map((x) => abs(x, o.dir)) : undefined;
    })(),
    outDir,
    references,
    includes: (f) => fileSet.has(f) || matches(f),
    byFolder: fileSet.size === 0 && folderShaped,
  };
}
