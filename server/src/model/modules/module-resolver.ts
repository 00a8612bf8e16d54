// Where an import leads, as TypeScript resolves it: `ts.resolveModuleName` with the governing
// tsconfig's options (`paths`, `baseUrl`, `rootDirs`, `customConditions`…) over a host whose files
// are the analysed files (the editor's unsaved documents included) and whose only disk reads are
// config and manifest files. Nothing is executed.
//
// Two things are added to what the compiler sees, so that a monorepo without node_modules (most CI
// checkouts) resolves to its own source:
// - workspace packages (workspaces.ts) appear in node_modules of their workspace root, linked to
//   their folders, as a package manager would install them; a real node_modules link is followed
//   the same way, and the workspace map wins over whatever node_modules holds;
// - a package's build output (`dist/index.d.ts`, `lib/redisClient.js`, where `exports`, `types` or
//   `main` point) "exists" when its source does, and a resolution ending there is mapped back to
//   that source (`src/index.ts`, `redisClient.ts`).
//
// The compiler is TypeScript's own copy in the parser bundle, loaded on first use (syntax/compiler.ts),
// so only its types are imported here: an `import { ts } from 'ts-morph'` would put a second copy of
// the compiler into the CLI bundle and load it on runs that parse nothing.
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { ts as tsMorphTs } from 'ts-morph';
import { loadCompiler, type Compiler } from '../../syntax/compiler';
import { isDir, isFile, noteProblem, onClearLayout, readText, realpathOf } from './disk';
import { readTsconfig, type TsconfigInfo } from './tsconfig';
import { packageNameOf, packageRootOf, workspaceFor } from './workspaces';

export interface AnalysedFiles {
  has(file: string): boolean;
  keys(): IterableIterator<string>;
}

const SOURCE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Folders build output goes to, and that a resolution landing there is mapped back from. */
const OUT_DIRS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs', 'es', 'types', 'typings', 'dts', 'declarations']);

/** Compiler options per config file (parsed once per process); the key '' holds the defaults. */
const optionsByConfig = new Map<string, tsMorphTs.CompilerOptions>();
onClearLayout(() => optionsByConfig.clear());

/**
 * The options to resolve with. The resolution mode is forced to one that reads package.json
 * `exports`/`imports` and accepts extensionless relative imports: Bundler, unless the config says
 * Node16/NodeNext (kept: there `exports` conditions and file formats follow Node, and an ESM file's
 * extensionless import fails as it would for tsc; resolve.ts still tries the path then). node10 and
 * classic, deprecated, or nothing at all (an inferred project) would ignore `exports` maps, which
 * is how workspace packages point at their entry points.
 */
export function compilerOptionsFor(ts: Compiler, config: TsconfigInfo | undefined): tsMorphTs.CompilerOptions {
  const key = config?.ok ? config.file : '';
  let options = optionsByConfig.get(key);
  if (!options) {
    options = {};
    if (config?.ok) {
      const read = ts.readConfigFile(config.file, (p) => readText(p));
      if (read.error) noteProblem(config.file, `${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')}; its module settings are not followed`);
      else {
        // files are not listed (readDirectory answers nothing): only the options matter here
        const host: tsMorphTs.ParseConfigHost = { useCaseSensitiveFileNames: true, readDirectory: () => [], fileExists: isFile, readFile: (p) => readText(p) };
        options = { ...ts.parseJsonConfigFileContent(read.config, host, dirname(config.file), undefined, config.file).options };
      }
    }
    // Pattern: "extends": "./.svelte-kit/tsconfig.json", not generated in this checkout — the aliases
    // it would give (`$lib`), with absolute targets, under the config's own `paths`
    if (config?.ok && config.generatedPaths) options.paths = { ...config.generatedPaths, ...options.paths };
    // as tsc reads it: `module: node16`/`node18`/`node20`/`nodenext` without moduleResolution implies Node resolution
    const m = options.module;
    const implied = m === ts.ModuleKind.NodeNext ? ts.ModuleResolutionKind.NodeNext : m !== undefined && m >= ts.ModuleKind.Node16 && m < ts.ModuleKind.NodeNext ? ts.ModuleResolutionKind.Node16 : undefined;
    const kind = options.moduleResolution ?? implied;
    if (kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext) options.moduleResolution = kind;
    else {
      options.moduleResolution = ts.ModuleResolutionKind.Bundler;
      options.module = ts.ModuleKind.ESNext;
    }
    options.allowJs = true;
    options.traceResolution = false;
    optionsByConfig.set(key, options);
  }
  return options;
}

/** Resolution over one set of analysed files; answers are analysed files or undefined. */
export class CompilerResolution {
  private dirs: Set<string> | undefined;
  private readonly caches = new Map<tsMorphTs.CompilerOptions, tsMorphTs.ModuleResolutionCache>();
  private readonly host: tsMorphTs.ModuleResolutionHost;

  constructor(private readonly files: AnalysedFiles) {
    this.host = {
      fileExists: (p) => this.fileExists(p),
      readFile: (p) => {
        // only manifests and configs are read (package.json scopes, exports maps): never source
        const real = this.toReal(p);
        return real.endsWith('.json') ? readText(real) : undefined;
      },
      directoryExists: (p) => this.directoryExists(p),
      realpath: (p) => {
        const real = this.toReal(p);
        return real !== p ? real : p.includes('/node_modules/') ? realpathOf(p) : p;
      },
      getCurrentDirectory: () => process.cwd(),
      useCaseSensitiveFileNames: true,
    };
  }

  /** The analysed file `spec` resolves to from `from` under `config`'s options. */
  resolve(from: string, spec: string, config: TsconfigInfo | undefined): string | undefined {
    const ts = loadCompiler();
    const options = compilerOptionsFor(ts, config);
    let cache = this.caches.get(options);
    if (!cache) this.caches.set(options, (cache = ts.createModuleResolutionCache(process.cwd(), (s) => s, options)));
    let resolved: tsMorphTs.ResolvedModuleFull | undefined;
    try {
      const node = options.moduleResolution === ts.ModuleResolutionKind.Node16 || options.moduleResolution === ts.ModuleResolutionKind.NodeNext;
      // Node16/NodeNext: `import` or `require` conditions and extension rules follow the file's format
      const mode = node ? ts.getImpliedNodeFormatForFile(from, cache.getPackageJsonInfoCache(), this.host, options) : undefined;
      resolved = ts.resolveModuleName(spec, from, options, this.host, cache, undefined, mode).resolvedModule;
    } catch {
      // resolution is a best effort: an input the compiler trips on leaves this import unresolved
      return undefined;
    }
    if (!resolved) return undefined;
    const file = resolvePath(resolved.resolvedFileName);
    return this.files.has(file) ? file : this.sourceFor(file, !!resolved.isExternalLibraryImport);
  }

  /**
   * The analysed source of a build output or declaration file of a package: `dist/index.d.ts` →
   * `src/index.ts` (or `index.ts`), `lib/keys.js` → `src/keys.ts`, `index.js` → `index.ts`, and the
   * package's own tsconfig `outDir` → `rootDir`. `byName`: the path was reached through the
   * package's name (`@acme/db/redisClient` without an `exports` map names `redisClient` at the
   * package root, which holds only the build), so `src/` is tried for any path of the package.
   */
  sourceFor(file: string, byName = false): string | undefined {
    if (this.files.has(file)) return file;
    const m = /^(.*?)(\.d\.[mc]?ts|\.d(\.[^/.]+)\.ts|\.[mc]?[jt]sx?)$/.exec(file);
    if (!m) return undefined;
    // `constants.d.events.ts` declares the module `constants.events` (an arbitrary extension, as
    // `styles.d.css.ts` declares `styles.css`): its source is `constants.events.ts`, never `constants.ts`
    const stem = m[3] ? m[1] + m[3] : m[1];
    const ext = m[2];
    const candidates = this.sourcePaths(stem, byName);
    if (ext.startsWith('.d.') || /^\.[mc]?jsx?$/.test(ext)) candidates.unshift(stem);
    for (const c of candidates) for (const e of SOURCE_EXTS) if (this.files.has(c + e)) return c + e;
    return undefined;
  }

  /** Where the source of a package's build path (without extension, or a folder) would be. */
  private sourcePaths(path: string, byName: boolean): string[] {
    const root = packageRootOf(dirname(path));
    if (!root || !path.startsWith(root + '/')) return [];
    const out: string[] = [];
    const own = isFile(join(root, 'tsconfig.json')) ? readTsconfig(join(root, 'tsconfig.json')) : undefined;
    if (own?.outDir && own.rootDir && path.startsWith(own.outDir + '/')) out.push(join(own.rootDir, path.slice(own.outDir.length + 1)));
    const rel = path.slice(root.length + 1).split('/');
    let i = 0;
    while (i < rel.length - 1 && OUT_DIRS.has(rel[i])) i++;
    if (i > 0) {
      const rest = rel.slice(i).join('/');
      out.push(join(root, 'src', rest), join(root, rest));
    } else if (byName && rel[0] !== 'src') out.push(join(root, 'src', rel.join('/')));
    return out;
  }

  private fileExists(p: string, byName = false): boolean {
    if (this.files.has(p)) return true;
    const real = this.toReal(p);
    if (real !== p) return this.fileExists(real, true);
    const base = p.slice(p.lastIndexOf('/') + 1);
    if (base === 'package.json' || /^[jt]sconfig.*\.json$/.test(base)) return isFile(p);
    // a package's build output exists for the compiler when its source does (mapped back in resolve)
    return this.sourceFor(p, byName || p.includes('/node_modules/')) !== undefined;
  }

  private directoryExists(p: string, byName = false): boolean {
    if (this.analysedDirs().has(p)) return true;
    const real = this.toReal(p);
    if (real !== p) return this.directoryExists(real, true);
    // node_modules of a workspace root (and its @scope folders) hold the workspace packages
    const nm = /^(.*)\/node_modules(?:\/(@[^/]+))?$/.exec(p);
    if (nm) {
      const ws = workspaceFor(nm[1] || '/');
      if (ws && ws.root === (nm[1] || '/') && [...ws.packages.keys()].some((n) => !nm[2] || n.startsWith(nm[2] + '/'))) return true;
    }
    if (isDir(p)) return true;
    // a build folder (dist/keys) exists for the compiler when its source folder does: the compiler
    // looks for files only in folders that exist
    const dirs = this.analysedDirs();
    return this.sourcePaths(p + '/_', byName || p.includes('/node_modules/')).some((c) => dirs.has(dirname(c)));
  }

  /** A path under node_modules/<workspace package> → the same path in the package's folder. */
  private toReal(p: string): string {
    for (let i = p.indexOf('/node_modules/'); i >= 0; i = p.indexOf('/node_modules/', i + 1)) {
      const ws = workspaceFor(p.slice(0, i) || '/');
      if (!ws || ws.packages.size === 0) continue;
      const rest = p.slice(i + '/node_modules/'.length);
      const name = packageNameOf(rest);
      const dir = ws.packages.get(name);
      if (dir) return this.toReal(dir + rest.slice(name.length));
    }
    return p;
  }

  /** Folders holding analysed files (the editor's documents may live in folders not yet on disk). */
  private analysedDirs(): Set<string> {
    if (!this.dirs) {
      const dirs = new Set<string>();
      for (const f of this.files.keys()) for (let d = dirname(f); !dirs.has(d); d = dirname(d)) {
        dirs.add(d);
        if (dirname(d) === d) break;
      }
      this.dirs = dirs;
    }
    return this.dirs;
  }
}

