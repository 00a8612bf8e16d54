// What the CLI does between listing files and reporting: read each file (skipping big, binary or
// vanished ones with a notice), feed the Analyzer, run the rules, and for --fix apply safe fixes in
// up to 10 passes (ESLint's limit), re-analysing between passes, then write the changed files
// atomically unless they changed on disk meanwhile. --fix never rewrites bytes it did not mean to:
// a file that is not valid UTF-8 (latin-1, say) is analysed but not fixed, since writing the decoded
// text back would replace every undecodable byte with U+FFFD, and a read-only file is not replaced.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { ResolvedConfig } from '../config';
import type { ConfigLoader } from '../config-load';
import type { ReportFile } from '../report/index';
import type { Fix } from '../rule';
import type { RunStore, StoredResult } from './facts-cache';
import { loadProject } from './project';
import { applyEdits, detectEol, pickNonOverlapping, withEol, writeFileAtomic } from './edits';
import { compileIgnore, ignoredBy, type IgnoreMatcher } from './files';
import { isFlowFile } from './flow';
import { cacheLibsUsed } from './cache-libs';
import { coverageOf, type Coverage } from './coverage';
import { FileHashes } from './file-hashes';
import type { Analyzer } from './run';

export const MAX_FIX_PASSES = 10;

export interface LintOptions {
  analyzer: Analyzer;
  loader: ConfigLoader;
  /** apply safe fixes (`--fix` writes them, `--fix-dry-run` only reports the output) */
  fix?: 'write' | 'dry-run';
  /** `--quiet`: as in ESLint 9, warnings are not reported, so their fixes are not applied either */
  errorsOnly?: boolean;
  /** parse every file, not only those that can hold cache code (`--no-gate`) */
  parseAll?: boolean;
  /**
   * `--cache`: the last run's results, reused when nothing changed. `dependsOn(file)` names what
   * else a file's results depend on (installed package versions); the texts and configs are added here.
   */
  runs?: {
    store: RunStore;
    dependsOn(file: string): string;
    /** `--cache-strategy`: `content` reads every file, even one whose stat vouches for it (default `metadata`) */
    strategy?: 'metadata' | 'content';
  };
  /**
   * The project's other files, loaded (through the same text gate) for the cross-file rules but
   * never reported on, fixed or announced: `cachelint src/a.ts` from a pre-commit hook must see the
   * read path in src/b.ts that a key-drift in a.ts contradicts.
   */
  context?: readonly string[];
}

export interface LintRun {
  results: ReportFile[];
  notices: string[];
  /** files --fix wrote */
  written: string[];
  /** milliseconds spent reading + extracting facts, and linking */
  timing: { facts: number; link: number };
  /** what the analysis saw (engine/coverage.ts); from the stored run when it was reused */
  coverage?: Coverage;
}

interface Source {
  file: string;
  raw: Buffer;
  bom: boolean;
  text: string;
  fixed: boolean;
  /** the bytes are not valid UTF-8: `text` cannot be written back without changing them */
  lossy: boolean;
}

export function lintFiles(files: readonly string[], opts: LintOptions): LintRun {
  const { analyzer, loader } = opts;
  const t0 = performance.now();
  const notices: string[] = [];
  // context files skip quietly: the user did not name them
  const quiet: string[] = [];
  const named = new Set(files);
  const all = [...files, ...(opts.context ?? []).filter((f) => !named.has(f))];
  const runs = opts.runs && !opts.fix ? opts.runs : undefined;
  // --cache: files the disk says are as they were when last hashed are not read unless needed
  const hashes = runs && new FileHashes(runs.store, runs.strategy !== 'content');
  const sources = new Map<string, Source>();
  for (const file of all) {
    if (hashes?.known(file)) continue;
    const src = readSource(file, loader, named.has(file) ? notices : quiet);
    if (!src) continue;
    sources.set(file, src);
    hashes?.read(file, src.raw);
  }
  // nothing changed since the last run (--cache): its results hold, nothing is parsed or linked
  const present = all.filter((f) => sources.has(f) || hashes?.hashOf(f));
  const runKey = runs && keyOfRun(present, hashes!, opts);
  const stored = runKey === undefined ? undefined : runs!.store.getRun(runKey);
  const reused = stored && storedResults(present.filter((f) => named.has(f)), stored, sources, loader);
  if (reused) {
    const coverage = runs!.store.getRunCoverage?.(runKey!);
    return { results: reused, notices, written: [], timing: { facts: performance.now() - t0, link: 0 }, ...(coverage ? { coverage } : {}) };
  }
  // the run is analysed: every file's text is needed, in the order they were given
  for (const file of present) {
    if (sources.has(file)) continue;
    const src = readSource(file, loader, named.has(file) ? notices : quiet);
    if (src) sources.set(file, src);
  }
  const ordered = all.filter((f) => sources.has(f));
  const wanted = ordered.filter((f) => named.has(f));

  // parse only the files that can matter (engine/project.ts); the rest are read, never parsed
  // a module named in `cacheModules` or a class in `wrappers` is cache code whatever its name
  // (issue 12: the coverage notice tells users to configure them, so that must work)
  const configured = (file: string, text: string) => {
    const c = loader.configFor(file);
    // a path (`./server/lib/cache`) is imported as `../lib/cache` or `./cache`: its last segment
    return Object.keys(c.cacheModules).some((m) => text.includes(c.cacheFiles && m.includes('/') ? m.slice(m.lastIndexOf('/')) : m)) || c.wrappers.some((w) => text.includes(w));
  };
  loadProject(analyzer, new Map(ordered.map((f) => [f, sources.get(f)!.text])), { all: opts.parseAll, configured });
  const t1 = performance.now();
  analyzer.project();
  const timing = { facts: t1 - t0, link: performance.now() - t1 };

  const coverage = coverageOf(analyzer.project(), {
    files: ordered.length,
    parsed: analyzer.files().length,
    libraries: cacheLibsUsed(ordered, (f) => analyzer.factsOf(f), (f) => loader.configFor(f).cacheModules),
  });
  let results = analyzer.run(wanted);
  if (runKey !== undefined) {
    const files: Record<string, StoredResult> = {};
    for (const [file, r] of results) if (r.findings.length > 0 || r.parseErrors.length > 0) files[file] = { findings: r.findings, parseErrors: r.parseErrors };
    opts.runs!.store.setRun(runKey, files, coverage);
  }
  if (opts.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      let changed = false;
      for (const [file, r] of results) {
        const src = sources.get(file)!;
        const fixes: Fix[] = [];
        for (const f of r.findings) {
          if (f.file !== file || f.fix?.kind !== 'safe' || f.fix.edits.length === 0) continue;
          if (opts.errorsOnly && f.severity !== 'error') continue;
          fixes.push(f.fix);
        }
        if (fixes.length === 0) continue;
        if (src.lossy) {
          if (pass === 0) notices.push(`Fixes skipped for ${file}: the file is not valid UTF-8, and rewriting it would change bytes outside the fixes.`);
          continue;
        }
        let next: string;
        try {
          next = applyEdits(src.text, withEol(pickNonOverlapping(fixes), detectEol(src.text)));
        } catch (e) {
          notices.push(`Fixes skipped for ${file}: ${(e as Error).message}`);
          continue;
        }
        if (next === src.text) continue;
        src.text = next;
        src.fixed = true;
        analyzer.setFile(file, next);
        changed = true;
      }
      if (!changed) break;
      results = analyzer.run(wanted);
    }
  }

  const written: string[] = [];
  const out: ReportFile[] = [];
  for (const file of wanted) {
    const src = sources.get(file)!;
    const r = results.get(file);
    const output = src.fixed ? (src.bom ? '\uFEFF' : '') + src.text : undefined;
    if (output !== undefined && opts.fix === 'write') {
      if (writeIfUnchanged(src, output, notices)) written.push(file);
    }
    out.push({
      file,
      text: src.text,
      bom: src.bom,
      findings: r?.findings ?? [],
      parseErrors: r?.parseErrors ?? [],
      ...(output !== undefined ? { output } : {}),
    });
  }
  return { results: out, notices, written, timing, coverage };
}

/** Reads one file for analysis, or says (in `notices`) why it is skipped. */
function readSource(file: string, loader: ConfigLoader, notices: string[]): Source | undefined {
  const config = loader.configFor(file);
  let raw: Buffer;
  try {
    const read = readUnlessLarger(file, config.maxFileSize);
    if (typeof read === 'number') {
      notices.push(`File ignored because it is larger than maxFileSize (${read} > ${config.maxFileSize} bytes): ${file}`);
      return undefined;
    }
    raw = read;
  } catch (e) {
    notices.push(`File ignored because it cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}): ${file}`);
    return undefined;
  }
  if (raw.includes(0)) {
    notices.push(`File ignored because it looks binary (it contains NUL bytes): ${file}`);
    return undefined;
  }
  const full = raw.toString('utf8');
  // Analysed without the BOM (as ESLint does); offsets and fixes refer to the BOM-less text.
  const bom = full.charCodeAt(0) === 0xfeff;
  const text = bom ? full.slice(1) : full;
  if (isFlowFile(file, text)) {
    notices.push(`File ignored because it is a Flow file (@flow), which cachelint cannot parse: ${file}`);
    return undefined;
  }
  return { file, raw, bom, text, fixed: false, lossy: !decodesLosslessly(raw, full) };
}

/** The key of a run: every file's path, text hash, config and dependencies, and the options that change results. */
function keyOfRun(files: readonly string[], hashes: FileHashes, opts: LintOptions): string {
  const h = createHash('sha1');
  const configIds = new Map<object, number>();
  const configs: string[] = [];
  h.update(JSON.stringify([!!opts.parseAll, opts.analyzer.rulesRun()]));
  for (const file of files) {
    const config = opts.loader.configFor(file);
    let id = configIds.get(config);
    if (id === undefined) {
      configIds.set(config, (id = configs.length));
      configs.push(JSON.stringify(config));
    }
    h.update(`${file}\0${hashes.hashOf(file)}\0${id}\0${opts.runs!.dependsOn(file)}\n`);
  }
  h.update(configs.join('\n'));
  return h.digest('hex');
}

/**
 * The stored run's results for the named files; the files with something to report are read (the
 * report quotes them). Undefined when one of those can no longer be read: the run is then analysed.
 */
function storedResults(wanted: readonly string[], stored: Record<string, StoredResult>, sources: Map<string, Source>, loader: ConfigLoader): ReportFile[] | undefined {
  const out: ReportFile[] = [];
  for (const file of wanted) {
    const s = stored[file];
    if (!s) {
      const src = sources.get(file);
      out.push({ file, text: src?.text ?? '', ...(src ? { bom: src.bom } : {}), findings: [], parseErrors: [] });
      continue;
    }
    let src = sources.get(file);
    if (!src) {
      src = readSource(file, loader, []);
      if (!src) return undefined;
      sources.set(file, src);
    }
    out.push({ file, text: src.text, bom: src.bom, findings: s.findings, parseErrors: s.parseErrors });
  }
  return out;
}

function writeIfUnchanged(src: Source, output: string, notices: string[]): boolean {
  let now: Buffer | undefined;
  try {
    now = readFileSync(src.file);
  } catch {
    now = undefined;
  }
  if (!now || !now.equals(src.raw)) {
    notices.push(`Fixes not written to ${src.file}: the file changed on disk while cachelint ran.`);
    return false;
  }
  // The rename in writeFileAtomic would replace a read-only file (even as a normal user): a file
  // without any write bit was made read-only on purpose, so leave it alone.
  let mode = 0;
  try {
    mode = statSync(src.file).mode;
  } catch {
    notices.push(`Fixes not written to ${src.file}: the file changed on disk while cachelint ran.`);
    return false;
  }
  if ((mode & 0o222) === 0) {
    notices.push(`Fixes not written to ${src.file}: the file is read-only.`);
    return false;
  }
  try {
    writeFileAtomic(src.file, output);
    return true;
  } catch (e) {
    notices.push(`Fixes not written to ${src.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return false;
  }
}

/** The file's bytes, or its size when that is over `max` (then nothing is read): one open, one fstat. */
function readUnlessLarger(file: string, max: number): Buffer | number {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) return size;
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break; // the file shrank meanwhile
      got += n;
    }
    return got === size ? buf : buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** Whether `text` (decoded from `raw` as UTF-8) encodes back to exactly `raw`. Every undecodable
 * sequence becomes U+FFFD, so text without one is lossless; otherwise compare the bytes. */
function decodesLosslessly(raw: Buffer, text: string): boolean {
  return !text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(raw);
}

/**
 * The config's `ignore` globs as a listFiles predicate: `.gitignore` semantics (as ESLint's
 * ignorePatterns), relative to the folder of the config file that governs the path, or to `cwd`
 * for a config named with `--config` (`explicitConfig`), as ESLint does: such a file often lives
 * elsewhere (`-c ../shared/cachelint.json`), where its globs could never match.
 */
export function configIgnore(loader: ConfigLoader, cwd: string, explicitConfig = false): (path: string) => boolean {
  // one matcher per config (asked for every file and folder listed)
  const matchers = new Map<ResolvedConfig, IgnoreMatcher | null>();
  return (path) => {
    const isDir = path.endsWith(sep);
    const target = isDir ? path.slice(0, -1) : path;
    // configFor looks at the file's folder: probe a name inside a folder to get the folder's config
    const probe = isDir ? join(target, '_') : target;
    // the config file's own settings suffice: no need to read where the file's imports lead
    const config = loader.baseFor?.(probe) ?? loader.configFor(probe);
    let m = matchers.get(config);
    if (m === undefined) {
      const base = config.configFile && !explicitConfig ? dirname(config.configFile) : cwd;
      m = config.ignore.length === 0 ? null : compileIgnore(config.ignore, base);
      matchers.set(config, m);
    }
    return m !== null && ignoredBy([m], target, isDir);
  };
}
