// Cross-file name resolution over per-file facts: which file an import specifier names, and what
// an imported name (through re-exports, namespaces and object members) is. Facts are plain data, so
// this works on cached facts and on files that are not open. Which file a specifier names is the
// compiler's answer (model/modules/module-resolver.ts: tsconfig paths/baseUrl/rootDirs/references,
// workspace packages, package.json exports and imports), over the analysed files.
import * as path from 'node:path';
import type { ClientRef, ExportValue, FileFacts, SymbolRef } from '../facts/types';
import { isFile } from './modules/disk';
import { CompilerResolution, type AnalysedFiles } from './modules/module-resolver';
import { isProjectSpecifierIn, layoutOf } from './modules/project-modules';
import { packageRootOf } from './modules/workspaces';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** What Bundler resolution tries for an extensionless relative import (allowJs on), in order. */
const PROBES = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];
/** What a relative import naming a JavaScript file tries, in order (TypeScript source first). */
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx', '.d.ts', '.js'], '.jsx': ['.tsx', '.jsx'], '.mjs': ['.mts', '.d.mts', '.mjs'], '.cjs': ['.cts', '.d.cts', '.cjs'] };

export class ModuleResolver {
  private readonly cache = new Map<string, string | null>();
  /** answers by importing file, then specifier (null: not an analysed file) */
  private readonly byFile = new Map<string, Map<string, string | null>>();
  private readonly compiler: CompilerResolution;
  /** path without extension → files, for the fallback alias guesses (`@/cache/keys`); built on first use */
  private bySuffix: Map<string, string[]> | undefined;

  /** `files`: the analysed files (a Map of facts, or just the set of paths) */
  constructor(private readonly files: AnalysedFiles) {
    this.compiler = new CompilerResolution(files);
  }

  /** The project file `spec` names when imported from `from`, if it is one of the analysed files. */
  resolve(from: string, spec: string): string | undefined {
    // a file asks about the same few specifiers again and again (every imported name, every tier)
    let mine = this.byFile.get(from);
    if (!mine) this.byFile.set(from, (mine = new Map()));
    const known = mine.get(spec);
    if (known !== undefined) return known ?? undefined;
    const found = this.resolveUncached(from, spec);
    mine.set(spec, found ?? null);
    return found;
  }

  private resolveUncached(from: string, spec: string): string | undefined {
    const dir = path.dirname(from);
    const relative = spec.startsWith('.') || spec.startsWith('/');
    // files of one folder may belong to different projects (tsconfig.app.json, tsconfig.spec.json),
    // and under Node16 a .mts file resolves as ESM: the answer depends on those, not on the folder alone.
    // A bare specifier (`@app/keys`, `@acme/cache`) means the same in every folder of one package:
    // paths, baseUrl and package.json `imports` are the package's, and node_modules are looked up
    // from its root (the compiler's own cache is per folder, which cost a tenth of a cold run)
    const where = relative ? dir : (packageRootOf(dir) ?? dir);
    const cacheKey = `${layoutOf(from).config?.file ?? ''}\0${/\.[mc][jt]s$/.test(from) ? from.slice(-3) : ''}\0${where}\0${spec}`;
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined) return hit ?? undefined;
    let found: string | undefined;
    if (relative) {
      // the path itself when the compiler finds nothing: a Node16 ESM file's extensionless import
      // (an error to tsc, still the file the author meant)
      const base = path.resolve(dir, spec);
      found = this.probe(base);
      // the compiler only where it can know better: `rootDirs`, or a folder with a package.json;
      // an import of a file that is not analysed (not parsed, in the CLI's link) ends here
      const config = found ? undefined : layoutOf(from).config;
      if (!found && (config?.rootDirs?.length || isFile(path.join(base, 'package.json')))) found = this.compiler.resolve(from, spec, config);
      found ??= this.tryPath(base);
    } else if (isProjectSpecifierIn(layoutOf(from), spec, (p) => this.tryPath(p) !== undefined)) {
      const layout = layoutOf(from);
      // the old guesses only where no tsconfig/jsconfig governs the file (a JS project whose
      // bundler defines `@/` or `~/`): a config says where its aliases lead
      found = this.compiler.resolve(from, spec, layout.config) ?? (layout.config ? undefined : this.alias(spec));
    }
    this.cache.set(cacheKey, found ?? null);
    return found;
  }

  /**
   * Whether a bare specifier imported from `from` names a project module: a workspace package or
   * a path inside one, a tsconfig `paths` pattern, a `baseUrl`-relative path of an analysed file, a
   * package.json `imports` key (`#cache`), or, where no tsconfig/jsconfig governs, one of the usual
   * aliases (`@/`, `~/`, `#`, `src/`). Relative and absolute specifiers are project modules too.
   */
  isProjectSpecifier(from: string, spec: string): boolean {
    return isProjectSpecifierIn(layoutOf(from), spec, (p) => this.tryPath(p) !== undefined);
  }

  /**
   * A relative import's file, as the compiler finds it: the probes of Bundler resolution, in its
   * order, over the analysed files (`./keys` → keys.ts, keys.tsx, keys.d.ts, keys.js, keys.jsx, then
   * keys/index.*; `./keys.js` → keys.ts, keys.tsx, keys.js; `./keys.mjs` → keys.mts, keys.mjs).
   * Nine in ten imports are relative and end here, at the cost of a few set lookups instead of a
   * compiler call. What only the compiler knows (rootDirs, a folder's package.json) goes to it.
   */
  private probe(base: string): string | undefined {
    const ext = /\.(?:[mc]?[jt]sx?)$/.exec(base)?.[0];
    const swaps = ext && JS_TO_TS[ext];
    if (swaps) {
      const stem = base.slice(0, -ext.length);
      for (const e of swaps) if (this.files.has(stem + e)) return stem + e;
      return undefined;
    }
    if (ext) return this.files.has(base) ? base : undefined;
    for (const e of PROBES) if (this.files.has(base + e)) return base + e;
    // a folder: its package.json (types, main) comes before index files, and only the compiler reads it
    if (isFile(path.join(base, 'package.json'))) return undefined;
    for (const e of PROBES) if (this.files.has(path.join(base, 'index' + e))) return path.join(base, 'index' + e);
    return undefined;
  }

  private tryPath(base: string): string | undefined {
    const stripped = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
    for (const b of stripped === base ? [base] : [base, stripped]) {
      if (this.files.has(b)) return b;
      for (const ext of EXTENSIONS) if (this.files.has(b + ext)) return b + ext;
      for (const ext of EXTENSIONS) if (this.files.has(path.join(b, 'index' + ext))) return path.join(b, 'index' + ext);
    }
    return undefined;
  }

  /** `@/cache/keys`, `~/cache/keys`, `src/cache/keys`: the unique analysed file whose path ends so. */
  private alias(spec: string): string | undefined {
    // npm scopes (`@prisma/client`) are never aliases: only `@/`, `~/`, `#` and `src/` are
    if (!/^(@\/|~\/|#|src\/)/.test(spec)) return undefined;
    const rest = spec.replace(/^(@\/|~\/|#)/, '');
    if (!rest) return undefined;
    const base = path.basename(rest);
    const candidates = (this.suffixes().get(base) ?? []).filter((f) => {
      const noExt = f.replace(/\.[cm]?[jt]sx?$/, '');
      return noExt.endsWith('/' + rest) || noExt.endsWith('/' + rest + '/index');
    });
    const unique = [...new Set(candidates)];
    return unique.length === 1 ? unique[0] : undefined;
  }

  private suffixes(): Map<string, string[]> {
    if (!this.bySuffix) {
      this.bySuffix = new Map();
      for (const f of this.files.keys()) {
        const noExt = f.replace(/\.[cm]?[jt]sx?$/, '');
        const key = path.basename(noExt.endsWith('/index') ? noExt.slice(0, -'/index'.length) : noExt);
        const list = this.bySuffix.get(key) ?? [];
        list.push(f);
        this.bySuffix.set(key, list);
      }
    }
    return this.bySuffix;
  }
}

export interface Resolved {
  file: string;
  value: ExportValue;
}

/**
 * Where a chain of re-exports leaves the analysed files (`export { Redis } from 'ioredis'`): the
 * library name it leads to, seen from the file that re-exports it.
 */
export type Leaving = (from: string, ref: SymbolRef) => void;

/**
 * The module that defines `ref` under a name `defines` accepts, following an index's `export { f }
 * from` and `export *` (three levels): for what has no export value of its own (a plain function).
 */
export function definingModule(
  exportsOf: (file: string) => FileFacts['exports'] | undefined,
  resolveModule: (from: string, spec: string) => string | undefined,
  from: string,
  ref: SymbolRef,
  defines: (file: string, name: string) => boolean,
  depth = 0,
): { file: string; name: string } | undefined {
  const target = resolveModule(from, ref.module);
  const exports = target && exportsOf(target);
  if (!target || !exports || depth > 3) return undefined;
  if (defines(target, ref.name)) return { file: target, name: ref.name };
  // Pattern: export * from './website' in queries/prisma/index.ts
  for (const [k, v] of Object.entries(exports)) {
    if (v.t !== 'reexport' || !(k === ref.name || k.startsWith('*:'))) continue;
    const hit = definingModule(exportsOf, resolveModule, target, { module: v.ref.module, name: k === ref.name ? v.ref.name : ref.name }, defines, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** What `ref` (imported into `from`) denotes, following re-exports and members. */
export function resolveRef(files: ReadonlyMap<string, FileFacts>, modules: ModuleResolver, from: string, ref: SymbolRef, depth = 0, leaving?: Leaving): Resolved | undefined {
  if (depth > 10) return undefined;
  const target = modules.resolve(from, ref.module);
  if (!target) {
    if (depth > 0) leaving?.(from, ref);
    return undefined;
  }
  const facts = files.get(target);
  if (!facts) return undefined;
  let members = [...(ref.member ?? [])];
  let value: ExportValue | undefined;
  if (ref.name === '*') {
    // namespace import / CommonJS require: the first member is the export name
    const first = members.shift();
    if (first === undefined) return facts.exports.default ? { file: target, value: facts.exports.default } : undefined;
    value = exportNamed(files, modules, target, first, depth, leaving);
    if (!value && facts.exports.default) {
      value = facts.exports.default;
      members = [first, ...members];
    }
  } else value = exportNamed(files, modules, target, ref.name, depth, leaving);
  const file = target;
  if (value?.t === 'reexport') {
    const r = resolveRef(files, modules, target, { ...value.ref, member: [...(value.ref.member ?? []), ...members] }, depth + 1, leaving);
    return r;
  }
  for (const m of members) {
    if (!value) return undefined;
    // Pattern: export const redisDataSource = new RedisDataSource() — its `redisClient` field (a client
    // the class assigns in a method) is what `redisDataSource.redisClient?.set(…)` calls
    if (value.t === 'client' && value.client.t === 'class') {
      const name: string = value.client.name;
      const field: ClientRef | undefined = files.get(file)?.classes.find((c) => c.name === name)?.fields[m];
      if (!field) return undefined;
      value = { t: 'client', client: field };
      continue;
    }
    if (value.t === 'class') {
      const cls = files.get(file)?.classes.find((c) => c.name === (value as { name: string }).name);
      // Pattern: RedisUtility.client.set(k, v) — a member read off the class itself is a static one
      const held = cls?.fields[m];
      if (held) {
        value = { t: 'client', client: held };
        continue;
      }
      // a static member first (`CacheKeys.product(id)`), else a key method of an injected instance
      value = cls?.statics?.t === 'object' && m in cls.statics.members ? cls.statics : cls?.keyMethods;
    }
    if (value?.t !== 'object') return undefined;
    value = value.members[m];
  }
  return value ? { file, value } : undefined;
}

function exportNamed(files: ReadonlyMap<string, FileFacts>, modules: ModuleResolver, file: string, name: string, depth: number, leaving?: Leaving): ExportValue | undefined {
  const facts = files.get(file);
  if (!facts) return undefined;
  const direct = facts.exports[name];
  if (direct) return direct;
  // export * from './x': look through each star re-export
  for (const [k, v] of Object.entries(facts.exports)) {
    if (!k.startsWith('*:') || v.t !== 'reexport') continue;
    // `export *` passes on every name but the default
    const r = resolveRef(files, modules, file, { module: v.ref.module, name }, depth + 1, name === 'default' ? undefined : leaving);
    if (r) return r.file === file ? r.value : { t: 'reexport', ref: { module: v.ref.module, name } };
  }
  return undefined;
}
