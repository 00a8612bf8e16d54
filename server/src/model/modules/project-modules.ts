// Per file, from the layout on disk and without the compiler (the config loader runs this on warm
// CLI runs that load none): which bare specifiers name the project's own modules
// (ResolvedConfig.projectModules), whether one specifier does, and a key of everything resolution
// read for the file, so cached results are dropped when a tsconfig or manifest changes.
import { dirname, join } from 'node:path';
import { FALLBACK_PROJECT_MODULES, matchesModulePattern } from '../../config';
import { hashText } from '../../text/hash';
import { isDir, listDir, onClearLayout, readText } from './disk';
import { governingTsconfig, governsWholeFolder, type TsconfigInfo } from './tsconfig';
import { manifest, packageNameOf, packageRootOf, workspaceFor, type Workspace } from './workspaces';

const SOURCE = /\.(?:[mc]?[jt]s|[jt]sx)$/;

interface Layout {
  /** the tsconfig/jsconfig governing the file, if one does and it could be read */
  config: TsconfigInfo | undefined;
  workspace: Workspace | undefined;
  /** the folder of the file's package.json (its `imports` map) */
  packageRoot: string | undefined;
  id: string;
}

const byId = new Map<string, { modules: string[]; key: string }>();
/** file → its layout, or folder → the layout of all its files (asked for every file on every run) */
const byFile = new Map<string, Layout>();
const byFolder = new Map<string, Layout>();
onClearLayout(() => {
  byId.clear();
  byFile.clear();
  byFolder.clear();
});

/** A dependency's own files (analysed only when asked for, as `cachelint node_modules`): no layout is looked for. */
const DEPENDENCY: Layout = { config: undefined, workspace: undefined, packageRoot: undefined, id: 'node_modules' };

/** What governs module resolution for `file`. */
export function layoutOf(file: string): Layout {
  const dir = dirname(file);
  let layout = byFolder.get(dir) ?? byFile.get(file);
  if (!layout && dir.includes('/node_modules/')) byFolder.set(dir, (layout = DEPENDENCY));
  if (!layout) {
    const found = governingTsconfig(file);
    const config = found?.ok ? found : undefined;
    const workspace = workspaceFor(dir);
    const packageRoot = packageRootOf(dir);
    layout = { config, workspace, packageRoot, id: `${found?.file ?? ''}\0${workspace?.root ?? ''}\0${packageRoot ?? ''}` };
    if (governsWholeFolder(dir)) byFolder.set(dir, layout);
    else byFile.set(file, layout);
  }
  return layout;
}

/** The patterns of ResolvedConfig.projectModules for `file`, sorted. */
export function projectModulesFor(file: string): string[] {
  return summary(layoutOf(file)).modules;
}

/** A hash of every config and manifest resolution from `file` depends on. */
export function moduleLayoutKey(file: string): string {
  return summary(layoutOf(file)).key;
}

/**
 * Whether a bare specifier names a project module for a file with this layout: a workspace package
 * (or a path inside one), a `paths` pattern, a package.json `imports` key, something under
 * `baseUrl` for which `exists` says yes, or, where no config governs, a fallback alias.
 */
export function isProjectSpecifierIn(layout: Layout, spec: string, exists: (baseUrlPath: string) => boolean): boolean {
  if (spec.startsWith('.') || spec.startsWith('/')) return true;
  if (layout.workspace?.packages.has(packageNameOf(spec))) return true;
  // Node: `#` specifiers are the importing package's own (package.json "imports")
  if (spec.startsWith('#')) return true;
  const c = layout.config;
  if (!c) return FALLBACK_PROJECT_MODULES.some((p) => matchesModulePattern(p, spec));
  if (c.paths && Object.keys(c.paths).some((k) => matchesModulePattern(k, spec))) return true;
  return c.baseUrl !== undefined && exists(join(c.baseUrl, spec));
}

function summary(layout: Layout): { modules: string[]; key: string } {
  let s = byId.get(layout.id);
  if (!s) {
    const { config, workspace, packageRoot } = layout;
    const modules = new Set<string>();
    const read = new Set<string>();
    for (const name of workspace?.packages.keys() ?? []) modules.add(name).add(`${name}/*`);
    for (const f of workspace?.read ?? []) read.add(f);
    if (config) {
      for (const f of config.read) read.add(f);
      for (const [k, targets] of Object.entries(config.paths ?? {})) {
        if (k !== '*') modules.add(k);
        // Pattern: "*": ["src/*"]: every bare name may be the project's; list what those folders hold
        else
          for (const t of targets)
            if (t.endsWith('*') && !t.includes('node_modules')) entriesUnder(join(config.pathsBase ?? dirname(config.file), t.slice(0, -1)), modules);
      }
      if (config.baseUrl) entriesUnder(config.baseUrl, modules);
    } else FALLBACK_PROJECT_MODULES.forEach((p) => modules.add(p));
    if (packageRoot) {
      const file = join(packageRoot, 'package.json');
      read.add(file);
      const imports = manifest(file)?.imports;
      if (imports && typeof imports === 'object') for (const k of Object.keys(imports)) if (k.startsWith('#')) modules.add(k);
    }
    const texts = [...read].sort().map((f) => `${f}\0${readText(f) ?? ''}`);
    s = { modules: [...modules].sort(), key: hashText(texts.join('\0')) };
    byId.set(layout.id, s);
  }
  return s;
}

/** What `baseUrl` (or a `*` target) holds, as patterns: `cache` and `cache/*` for a folder, `redis` for redis.ts. */
function entriesUnder(dir: string, out: Set<string>): void {
  for (const name of listDir(dir)) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    if (isDir(join(dir, name))) out.add(name).add(`${name}/*`);
    else if (SOURCE.test(name) && !/\.d\.[mc]?ts$/.test(name)) out.add(name.replace(SOURCE, ''));
  }
}
