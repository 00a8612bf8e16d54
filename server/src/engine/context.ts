// The files a partial run (`cachelint src/a.ts src/b.ts` from lint-staged or a pre-commit hook)
// loads besides the ones it reports on: the rest of each named file's project (engine/roots.ts),
// listed as a full run would list it (.gitignore, build folders, the config's `ignore`). Without
// them the cross-file rules would judge a.ts against half a project: a key-drift whose read path
// lives in a file not given would vanish, and a delete whose reader is elsewhere could be reported.
import { sep } from 'node:path';
import { ConfigError, type ConfigLoader } from '../config-load';
import { listFiles, type ListOptions } from './files';
import { configIgnore } from './lint-files';
import { projectRootOf } from './roots';

export interface ContextOptions {
  cwd: string;
  loader: ConfigLoader;
  /** a `--config` file: its `ignore` globs are relative to the cwd */
  explicitConfig?: boolean;
  /** the folders the user named: a project inside one of them is listed already */
  namedDirs: readonly string[];
  /** each folder's entries as they are read (files.ts ListOptions) */
  onListing?: ListOptions['onListing'];
}

/** The context files of `given` (absolute paths), sorted; none when the named folders cover every project. */
export function contextFiles(given: readonly string[], opts: ContextOptions): string[] {
  const roots = new Set<string>();
  for (const f of given) {
    const root = projectRootOf(f);
    if (root !== undefined && !opts.namedDirs.some((d) => within(root, d))) roots.add(root);
  }
  if (roots.size === 0) return [];
  const governed = configIgnore(opts.loader, opts.cwd, opts.explicitConfig);
  // A broken config that governs none of the named files must not fail the run (a full run over
  // those files would not read it): its folder stays out of the context instead.
  const ignore = (path: string) => {
    try {
      return governed(path);
    } catch (e) {
      if (e instanceof ConfigError) return true;
      throw e;
    }
  };
  const named = new Set(given);
  const out = new Set<string>();
  for (const root of roots) for (const f of listFiles([root], { cwd: opts.cwd, ignore, onListing: opts.onListing }).files) if (!named.has(f)) out.add(f);
  return [...out].sort();
}

/** Whether `dir` is `parent` or lies below it. */
function within(dir: string, parent: string): boolean {
  return dir === parent || dir.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}
