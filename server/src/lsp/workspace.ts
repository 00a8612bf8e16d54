// The language server's view of the disk: one Analyzer per workspace folder (multi-root), filled in
// the background from the folder's files and overridden by open documents, kept current by watched
// file events. Every call into the engine for one file is guarded: a file that makes the engine
// throw is logged and left out, and the rest of the project goes on.
import { readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { createConfigLoader, type ConfigError, type ConfigLoader } from '../config-load';
import type { ResolvedConfig } from '../config';
import { compileIgnore, ignoredBy, isSourceFile, listFiles, type IgnoreMatcher } from '../engine/files';
import { isFlowFile } from '../engine/flow';
import { loadImportClosure } from '../engine/neighbours';
import { cacheManagerMajor, clearPackageCache } from '../engine/packages';
import { clearRootCache } from '../engine/roots';
import { Analyzer, type FileResult } from '../engine/run';
import { KeystrokeWarmUp } from '../engine/warm-up';
// The server parses every file it indexes: register the fact extractor up front (the engine only
// loads it lazily for the CLI's warm-cache runs, which may never need the compiler).
import '../facts/index';
import { registerCompiler } from '../syntax/compiler';
import { resolverCompiler } from '../syntax/resolver-compiler';
import { clearModuleLayout, layoutProblems } from '../model/modules/disk';
import type { CachelintSettings } from './settings';

// Module resolution uses the compiler this bundle already holds, rather than loading dist/facts.js
// (a second copy of TypeScript) for it.
registerCompiler(resolverCompiler);

/** Files whose change can change where imports lead (model/modules). */
const LAYOUT_FILE = /^(?:[jt]sconfig.*\.json|package\.json|pnpm-workspace\.yaml|lerna\.json)$/;

/** The JIT's compiled code serves every folder: the keystroke warm-up runs once per process. */
let warmedUp = false;

/** Milliseconds of indexing per turn of the event loop: requests wait at most about this long. */
const SLICE_MS = 15;

export interface FolderHost {
  /** the last resolved settings for a file (its own, else its folder's) */
  settingsFor(file: string): CachelintSettings | undefined;
  log(message: string): void;
  /** a broken config file, which the user must fix: shown once (with a way to open it), not only logged */
  configError?(error: ConfigError): void;
}

export type WatchedChange = { file: string; type: 'created' | 'changed' | 'deleted' };

export class FolderIndex {
  readonly analyzer: Analyzer;
  private loader: ConfigLoader;
  private readonly ignores = new Map<string, IgnoreMatcher>();
  private readonly openFiles = new Set<string>();
  /** bumped whenever a file's facts or the config change: reports computed before are stale */
  generation = 0;
  /** resolves when the background index of the folder is complete */
  ready: Promise<void> = Promise.resolve();
  indexing = false;
  /** the folder's first index is complete (or it has none: the loose folder holds open files only) */
  indexed: boolean;
  private indexRun = 0;
  private reportedConfigErrors = new Set<string>();
  /** Flow files: each open one is logged once; the index counts the others in one line */
  private readonly flowLogged = new Set<string>();
  private readonly flowSkipped = new Set<string>();
  private runCache: { generation: number; results: Map<string, FileResult> } | undefined;

  constructor(
    /** folder path; undefined for the folder of files outside every workspace folder */
    readonly root: string | undefined,
    private readonly host: FolderHost,
  ) {
    this.indexed = root === undefined;
    this.loader = createConfigLoader();
    this.analyzer = new Analyzer({
      configFor: (f) => this.configFor(f),
      cacheManagerMajor: (f) => cacheManagerMajor(f),
      incremental: true,
    });
  }

  contains(file: string): boolean {
    return this.root !== undefined && (file === this.root || file.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep));
  }

  /** The config file's settings, with the editor's per-resource settings on top. */
  configFor(file: string): ResolvedConfig {
    const base = this.loader.configFor(file);
    this.reportConfigErrors();
    const s = this.host.settingsFor(file);
    if (!s) return base;
    const overrides = Object.entries(s.rules);
    if (overrides.length === 0 && s.defaultTtlSeconds === undefined) return base;
    const rules = { ...base.rules };
    for (const [id, sev] of overrides) if (sev) rules[id as keyof typeof rules] = sev;
    return { ...base, rules, defaultTtlSeconds: s.defaultTtlSeconds ?? base.defaultTtlSeconds };
  }

  private reportConfigErrors(): void {
    for (const e of this.loader.errors) {
      if (this.reportedConfigErrors.has(e.message)) continue;
      this.reportedConfigErrors.add(e.message);
      this.host.log(`${e.message} (using the default configuration)`);
      this.host.configError?.(e);
    }
    // a tsconfig or manifest module resolution could not read: logged once, not shown (the
    // TypeScript server already complains about a broken tsconfig)
    for (const p of layoutProblems()) {
      if (this.reportedConfigErrors.has(p)) continue;
      this.reportedConfigErrors.add(p);
      this.host.log(`cachelint: module resolution: ${p}`);
    }
  }

  /** The config file that governs a file, valid or not. */
  configSource(file: string): string | undefined {
    return this.loader.sourceFor(file);
  }

  /** The config file that governs the folder's root, for the output channel: `undefined` when none. */
  governingConfig(loader = this.loader): string | undefined {
    if (this.root === undefined) return undefined;
    const probe = join(this.root, '_');
    loader.configFor(probe);
    const source = loader.sourceFor(probe);
    return source && loader.errors.some((e) => e.file === source) ? `${source} (invalid: defaults used)` : source;
  }

  get configErrors(): readonly { file: string; message: string }[] {
    return this.loader.errors;
  }

  /** Whether the project leaves this file out: not a source file, a dependency, or in the config's `ignore`. */
  isIgnored(file: string): boolean {
    if (!isSourceFile(file) || file.split(/[\\/]/).includes('node_modules')) return true;
    const c = this.loader.configFor(file);
    if (c.ignore.length === 0 || !c.configFile) return false;
    let m = this.ignores.get(c.configFile);
    if (!m) this.ignores.set(c.configFile, (m = compileIgnore(c.ignore, dirname(c.configFile))));
    return ignoredBy([m], file, false);
  }

  /** Sets a file's text; false when it is left out: ignored, too large, binary, or the engine threw (logged). */
  setText(file: string, text: string): boolean {
    const before = this.analyzer.factsOf(file);
    if (isFlowFile(file, text)) {
      this.remove(file);
      if (!this.openFiles.has(file)) this.flowSkipped.add(file);
      else if (!this.flowLogged.has(file)) {
        this.flowLogged.add(file);
        this.host.log(`cachelint: ${file} is a Flow file (@flow), which cachelint cannot parse: it gets no diagnostics`);
      }
      return false;
    }
    try {
      // An ignored file stays out even when open: the project is what the CLI would analyse, and the
      // CLI also skips files over maxFileSize bytes (not UTF-16 units) and files holding a NUL byte.
      if (this.isIgnored(file) || text.includes('\0') || Buffer.byteLength(text, 'utf8') > this.configFor(file).maxFileSize) {
        this.remove(file);
        return false;
      }
      const after = this.analyzer.setFile(file, text);
      if (after !== before) this.generation++;
      return true;
    } catch (e) {
      this.host.log(`cachelint: analysing ${file} failed, it gets no diagnostics: ${errorText(e)}`);
      this.remove(file);
      return false;
    }
  }

  remove(file: string): void {
    if (this.analyzer.hasFile(file)) {
      this.analyzer.removeFile(file);
      this.generation++;
    }
  }

  open(file: string, text: string): boolean {
    this.openFiles.add(file);
    const ok = this.setText(file, text);
    // after the first diagnostics: the tree the first keystroke will reparse incrementally
    if (ok) setTimeout(() => this.openFiles.has(file) && this.analyzer.keepTree(file), 0);
    return ok;
  }

  isOpen(file: string): boolean {
    return this.openFiles.has(file);
  }

  /** The editor let go of the file: its disk text (if it is part of the project) replaces the buffer. */
  close(file: string): void {
    this.openFiles.delete(file);
    if (this.root === undefined || !this.contains(file) || this.isIgnored(file)) this.remove(file);
    else this.loadFromDisk(file);
  }

  private loadFromDisk(file: string): boolean {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
      // as the CLI and the editor (whose buffers never hold it) see the file
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    } catch {
      this.remove(file);
      return false;
    }
    return this.setText(file, text);
  }

  /**
   * Results for one file, or undefined when the engine threw (logged). The project-wide rules run
   * once for all open files of the folder and the results are kept until something changes: a
   * re-check of N open documents after an edit costs one run, not N.
   */
  run(file: string): FileResult | undefined {
    const cached = this.runCache;
    if (cached && cached.generation === this.generation && cached.results.has(file)) return cached.results.get(file);
    const files = new Set([...this.openFiles].filter((f) => this.analyzer.hasFile(f)));
    files.add(file);
    try {
      const results = this.analyzer.run(files);
      this.runCache = { generation: this.generation, results };
      return results.get(file);
    } catch {
      // a rule crashed on one of them: run this file alone so the others do not hide its results
      try {
        return this.analyzer.run([file]).get(file);
      } catch (e) {
        this.host.log(`cachelint: the rules failed on ${file}, it gets no diagnostics: ${errorText(e)}`);
        return undefined;
      }
    }
  }

  /**
   * Results for an open file while the folder is still being indexed: its own findings (the per-file
   * checks) once the modules its cache code refers to are read from disk; the project checks wait
   * for the index (they would judge the file against a part of the project).
   */
  runEarly(file: string): FileResult | undefined {
    if (this.analyzer.hasFile(file))
      loadImportClosure(file, {
        factsOf: (f) => this.analyzer.factsOf(f),
        load: (f) => this.contains(f) && !this.isIgnored(f) && this.loadFromDisk(f),
        root: this.root,
      });
    const files = new Set([...this.openFiles].filter((f) => this.analyzer.hasFile(f)));
    files.add(file);
    try {
      return this.analyzer.run(files, { projectRules: false }).get(file);
    } catch (e) {
      this.host.log(`cachelint: the rules failed on ${file}, it gets no diagnostics: ${errorText(e)}`);
      return undefined;
    }
  }

  /**
   * Lists the folder's files and loads them, a chunk per event-loop turn so requests are still
   * answered meanwhile. Open documents keep their editor text. A newer call supersedes an older one.
   */
  index(onProgress?: (done: number, total: number) => void): Promise<void> {
    if (this.root === undefined) return this.ready;
    const run = ++this.indexRun;
    const root = this.root;
    this.indexing = true;
    this.ready = new Promise<void>((resolve) => {
      let files: string[] | undefined;
      let i = 0;
      let warm: KeystrokeWarmUp | undefined;
      const step = () => {
        // superseded: whoever waits on this run waits for the newer one
        if (run !== this.indexRun) return resolve(this.ready);
        if (!files) {
          files = this.list(root);
          onProgress?.(0, files.length);
          setImmediate(step);
          return;
        }
        const t0 = performance.now();
        for (; i < files.length && performance.now() - t0 < SLICE_MS; i++)
          if (!this.openFiles.has(files[i])) this.loadFromDisk(files[i]);
        // then the keystroke path, on a scratch copy of a few of the files just read (engine/warm-up.ts)
        if (i >= files.length && !warm) warm = this.keystrokeWarmUp(files);
        while (warm && !warm.done && performance.now() - t0 < SLICE_MS) warm.step();
        onProgress?.(i, files.length);
        if (i < files.length || (warm && !warm.done)) setImmediate(step);
        else {
          this.indexing = false;
          this.indexed = true;
          if (this.flowSkipped.size > 0) this.host.log(`cachelint: skipped ${this.flowSkipped.size} Flow files (@flow) in ${root}, which cachelint cannot parse`);
          resolve();
        }
      };
      setImmediate(step);
    });
    return this.ready;
  }

  /** The keystroke path's warm-up, for the first folder indexed in this process (the JIT's code serves them all). */
  private keystrokeWarmUp(files: readonly string[]): KeystrokeWarmUp {
    const texts = warmedUp ? [] : files.flatMap((file) => {
      const text = this.analyzer.textOf(file);
      return text === undefined ? [] : [{ file, text }];
    });
    warmedUp = true;
    return new KeystrokeWarmUp(texts, (f) => this.configFor(f));
  }

  private list(root: string): string[] {
    try {
      const listed = listFiles([root], { cwd: root, ignore: (p) => !p.endsWith(sep) && this.isIgnored(p) });
      for (const n of listed.notices) this.host.log(n);
      return listed.files;
    } catch (e) {
      this.host.log(`cachelint: listing the files of ${root} failed: ${errorText(e)}`);
      return [];
    }
  }

  /**
   * Applies watched-file events. Returns true when anything the analysis sees changed.
   * A config, package.json, tsconfig/jsconfig or workspace file change reloads the configuration
   * and the module layout, and re-reads every file.
   */
  applyChanges(changes: readonly WatchedChange[]): boolean {
    const gen = this.generation;
    // a save often arrives as several events for one file (created, changed): one mention each
    const configFiles = new Map<string, string>();
    for (const c of changes) {
      const name = c.file.slice(c.file.lastIndexOf(sep) + 1);
      if (name === '.cachelintrc.json' || LAYOUT_FILE.test(name)) configFiles.set(c.file, configFiles.get(c.file) ?? c.type);
    }
    const configChanged = configFiles.size > 0;
    if (configChanged) {
      // logged before the reload, so that errors the new config has come after the line that explains
      // them; the layout's disk cache goes first, or the new file would still read as missing
      clearModuleLayout();
      const now = this.governingConfig(createConfigLoader());
      const what = [...configFiles].map(([f, type]) => `${f} ${type}`).join(', ');
      this.host.log(`cachelint: configuration reloaded (${what}); ${this.root ?? 'files outside the workspace'}: config ${now ?? 'none'}`);
      this.reloadConfig();
    }
    for (const c of changes) {
      if (!isSourceFile(c.file) || this.openFiles.has(c.file)) continue;
      if (c.type === 'deleted') this.remove(c.file);
      else if (this.contains(c.file) && !this.isIgnored(c.file)) this.loadFromDisk(c.file);
    }
    return configChanged || gen !== this.generation;
  }

  /**
   * Drops cached config and package data and re-reads the folder: the ignore list may have changed,
   * and setFile re-extracts a file only when the config's fact-relevant part changed.
   */
  reloadConfig(): void {
    this.loader = createConfigLoader();
    this.ignores.clear();
    this.reportedConfigErrors.clear();
    clearPackageCache();
    clearRootCache();
    // where imports lead may have changed with no file's text changing: resolve and link again
    clearModuleLayout();
    this.analyzer.relink();
    this.generation++;
    for (const file of this.analyzer.files()) {
      if (this.openFiles.has(file)) {
        const text = this.analyzer.textOf(file);
        if (text !== undefined) this.setText(file, text);
      } else if (this.root === undefined || this.isIgnored(file)) this.remove(file);
    }
    void this.index();
  }
}

/** All folders of the workspace, plus one for files outside every folder. */
export class Workspace {
  private readonly folders = new Map<string, FolderIndex>();
  readonly loose: FolderIndex;

  constructor(private readonly host: FolderHost) {
    this.loose = new FolderIndex(undefined, host);
  }

  add(root: string): FolderIndex {
    let f = this.folders.get(root);
    if (!f) {
      f = new FolderIndex(root, this.host);
      this.folders.set(root, f);
    }
    return f;
  }

  remove(root: string): void {
    this.folders.delete(root);
  }

  /** The innermost folder holding the file (nested folders of a multi-root workspace). */
  folderFor(file: string): FolderIndex {
    let best: FolderIndex | undefined;
    for (const f of this.folders.values()) {
      if (f.contains(file) && (!best || f.root!.length > best.root!.length)) best = f;
    }
    return best ?? this.loose;
  }

  all(): FolderIndex[] {
    return [...this.folders.values(), this.loose];
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  return String(e);
}
