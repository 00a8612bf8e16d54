// The engine both faces (CLI and language server) call: keep per-file facts, link them into a
// project index, run the enabled rules, and return findings per file. Facts are recomputed only
// for files whose text changed; linking and the rules are cheap and run over the whole project.
import type { ResolvedConfig } from '../config';
import { exportSignature, linkProject, type LinkCache } from '../model/link';
import type { FileFacts } from '../facts/types';
import { rules as allRules } from '../rules/index';
import {
  formatMessage,
  RULE_IDS,
  type Finding,
  type LinkedFile,
  type ProjectIndex,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleId,
  type RuleSettings,
} from '../rule';
import type { FactsStore } from './facts-cache';
import { hashText } from '../text/hash';
import { applySuppressions } from './suppress';

import { emptyFacts } from '../facts/empty';
import { loadExtractor, loadTreeKeeper } from '../syntax/extractor';
import type { FileKind } from '../model/file-kinds';
import { kindOfFile } from './roots';
import { keyInfoAt } from '../model/key-info';

/**
 * User code never crashes the engine: a file the parser or a recogniser cannot handle (nesting
 * deep enough to exhaust the parser's stack, say) becomes a file with one analysis error.
 */
function safeExtract(file: string, text: string, config: ResolvedConfig, keepTree = false): FileFacts {
  try {
    return loadExtractor()(file, text, config, { keepTree });
  } catch (e) {
    // a broken install (dist/facts.js missing) is not the user's file: an internal error
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw e;
    const reason = e instanceof RangeError ? 'the file is nested too deeply to parse' : e instanceof Error ? e.message : String(e);
    return { ...emptyFacts(file), parseErrors: [{ start: 0, message: `cachelint could not analyse this file: ${reason}` }] };
  }
}


/** The rules that judge a file alone: what `run(…, { projectRules: false })` runs. */
export const PER_FILE_RULES: readonly RuleId[] = RULE_IDS.filter((id) => !!(allRules[id] as Rule).checkFile);

export interface AnalyzerOptions {
  /** the resolved configuration for a file (severities, default TTL, extra clients…) */
  configFor(file: string): ResolvedConfig;
  /** the major version of cache-manager the file's package depends on, if known */
  cacheManagerMajor?(file: string): number | undefined;
  /** restrict to these rules (CLI `--rule`) */
  only?: readonly RuleId[];
  /** cached facts by file and content key (CLI `--cache`) */
  store?: FactsStore;
  /** files that change again and again (an editor's documents) are reparsed incrementally */
  incremental?: boolean;
  /**
   * Tests and scripts are no report sites and their keys count for nothing (model/file-kinds.ts);
   * default: by path below the nearest package.json (engine/roots.ts). Ignored for files whose
   * config sets `includeTestsAndScripts`.
   */
  fileKind?(file: string): FileKind | undefined;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  /** syntax errors: the file was not analysed (ESLint's fatal parsing error) */
  parseErrors: { start: number; message: string }[];
}

interface Entry {
  file: string;
  text: string;
  facts: FileFacts;
  configKey: string;
  kind?: FileKind;
}

export class Analyzer {
  private readonly entries = new Map<string, Entry>();
  /** milliseconds spent per rule in the last run (CLI --timing) */
  readonly timing: Record<string, number> = {};
  private index: ProjectIndex | undefined;
  private linkCache: LinkCache | undefined;
  private projectReports: { index: ProjectIndex; scope: string; byRule: Map<RuleId, ReportDescriptor<string>[]> } | undefined;
  /** the files to link (those without syntax errors) in path order, while that set is unchanged */
  private inputs: Entry[] | undefined;
  /** counts links: ProjectIndex.generation */
  private generation = 0;
  /** ProjectIndex.unparsed: the product files the CLI read but did not parse */
  private unparsed: ReadonlyMap<string, string> = new Map();
  /** the project rules' derived data, kept across links (ProjectIndex.memo) */
  private readonly ruleMemo = new Map<string, unknown>();
  /** files changed since the last link, with their export signature before the change */
  private readonly dirty = new Map<string, string | undefined>();

  constructor(private readonly opts: AnalyzerOptions) {}

  /** Adds or replaces a file. Facts are re-extracted only when the text or config changed. */
  setFile(file: string, text: string, facts?: FileFacts): FileFacts {
    const config = this.opts.configFor(file);
    const configKey = configFingerprint(config);
    const prev = this.entries.get(file);
    if (prev && prev.text === text && prev.configKey === configKey) return prev.facts;
    let f = facts;
    if (!f && this.opts.store) {
      const key = `${hashText(text)}:${configKey}`;
      f = this.opts.store.get(file, key);
      if (!f) {
        f = safeExtract(file, text, config);
        this.opts.store.set(file, key, f);
      }
    }
    // a file seen before is being edited: its previous tree can be updated instead of rebuilt
    f ??= safeExtract(file, text, config, !!this.opts.incremental && !!prev);
    if (!this.dirty.has(file)) this.dirty.set(file, prev ? exportSignature(prev.facts) : undefined);
    // the linked files are those without syntax errors: a file joining or leaving them changes the list
    if (!prev || prev.facts.parseErrors.length > 0 !== f.parseErrors.length > 0) this.inputs = undefined;
    // updated in place: the list of inputs holds the entries themselves
    const kind = this.kindOf(file, config);
    if (prev) Object.assign(prev, { text, facts: f, configKey, kind });
    else this.entries.set(file, { file, text, facts: f, configKey, ...(kind ? { kind } : {}) });
    this.index = undefined;
    return f;
  }

  /** A test or a script (no report site, its keys count for nothing), or undefined for product code. */
  kindOf(file: string, config: ResolvedConfig = this.opts.configFor(file)): FileKind | undefined {
    return config.includeTestsAndScripts ? undefined : (this.opts.fileKind ?? kindOfFile)(file);
  }

  /**
   * The editor opened the file: parse it now and keep the tree (incremental analyzers only), so
   * the first keystroke reparses incrementally like the later ones instead of parsing it whole.
   */
  keepTree(file: string): void {
    const e = this.entries.get(file);
    if (!this.opts.incremental || !e || e.facts.parseErrors.length > 0) return;
    try {
      loadTreeKeeper()(file, e.text);
    } catch {
      // the first keystroke then parses the file whole, as before
    }
  }

  /**
   * Links again from scratch on the next run: where imports lead changed (a tsconfig, package.json
   * or workspace file changed) while no file's text did.
   */
  relink(): void {
    this.index = undefined;
    this.linkCache = undefined;
    this.inputs = undefined;
  }

  /** The project's product files that were read but are not parsed (engine/project.ts loadProject). */
  setUnparsed(texts: ReadonlyMap<string, string>): void {
    this.unparsed = texts;
    this.index = undefined;
  }

  removeFile(file: string): void {
    if (this.entries.delete(file)) {
      this.index = undefined;
      this.inputs = undefined;
      this.dirty.set(file, undefined);
    }
  }

  /** The rules a run checks (CLI `--rule`), for keys of cached runs. */
  rulesRun(): readonly RuleId[] {
    return this.opts.only ?? RULE_IDS;
  }

  hasFile(file: string): boolean {
    return this.entries.has(file);
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  factsOf(file: string): FileFacts | undefined {
    return this.entries.get(file)?.facts;
  }

  textOf(file: string): string | undefined {
    return this.entries.get(file)?.text;
  }

  /** The linked project (built on demand, reused until a file changes). */
  project(): ProjectIndex {
    if (!this.index) {
      // the same files give the same findings and messages, whatever order they were added in
      const inputs = (this.inputs ??= [...this.entries.keys()]
        .sort()
        .map((f) => this.entries.get(f)!)
        .filter((e) => e.facts.parseErrors.length === 0));
      // an edit that leaves every changed file's exported surface alone re-links only those files
      let reusable = !!this.linkCache;
      const changed: Entry[] = [];
      for (const [file, before] of this.dirty) {
        const now = this.entries.get(file);
        if (before === undefined || !now || exportSignature(now.facts) !== before) reusable = false;
        else if (now.facts.parseErrors.length === 0) changed.push(now);
      }
      const generation = ++this.generation;
      const linked = linkProject(inputs, this.opts.configFor, {
        reuse: reusable && this.linkCache ? { cache: this.linkCache, changed } : undefined,
        previous: this.linkCache,
        memo: this.ruleMemo,
        generation,
        // what changed since the previous link (a superset: files set again with the same text are listed too)
        changedSince: reusable ? { generation: generation - 1, files: [...this.dirty.keys()] } : undefined,
        unparsed: this.unparsed,
        cacheManagerMajor: this.opts.cacheManagerMajor,
      });
      this.linkCache = linked.cache;
      this.dirty.clear();
      this.index = linked;
    }
    return this.index;
  }

  /**
   * Runs the enabled rules; returns results for `files` (default: every file). `projectRules:
   * false` runs only the per-file checks: what the editor can show for a file whose project is
   * still being indexed, where a project check (key-drift judging a delete against reads it has
   * not seen yet) could report what the full project disproves.
   */
  run(files?: Iterable<string>, opts: { projectRules?: boolean } = {}): Map<string, FileResult> {
    const projectRules = opts.projectRules ?? true;
    const wanted = new Set(files ?? this.entries.keys());
    const project = this.project();
    const results = new Map<string, FileResult>();
    for (const file of wanted) {
      const e = this.entries.get(file);
      if (e) results.set(file, { file, findings: [], parseErrors: e.facts.parseErrors });
    }
    // the project rules look only at the wanted files' findings: all of them (CLI), or the
    // editor's open documents; their reports are kept per linked project and set of files
    const everything = [...this.entries.keys()].every((f) => wanted.has(f));
    // in project order (the order of its flat lists): the editor's open documents
    const sorted = everything ? undefined : [...wanted].sort();
    const scope = sorted ? sorted.join('\0') : '*';
    const wants = everything ? () => true : (f: string) => wanted.has(f);
    const judged = sorted?.filter((f) => project.files.has(f));
    const settings: RuleSettings = {
      defaultTtlSeconds: (f) => this.opts.configFor(f).defaultTtlSeconds,
      missingTtl: (f) => this.opts.configFor(f).missingTtl ?? 'caches',
      cacheManagerMajor: (f) => this.opts.cacheManagerMajor?.(f),
    };
    const ran: RuleId[] = [];
    for (const id of RULE_IDS) {
      if (this.opts.only && !this.opts.only.includes(id)) continue;
      const rule = allRules[id] as Rule;
      if (!projectRules && !rule.checkFile) continue;
      ran.push(id);
      const t0 = performance.now();
      const keyOf = (d: ReportDescriptor<string>) => {
        const key = d.key ?? keyInfoAt(project, d);
        return key ? { key } : {};
      };
      const ctxFor = (sink: (f: Finding) => void): RuleContext<string> => ({
        settings,
        project,
        wants,
        judged,
        report: (d) => {
          const severitySetting = this.opts.configFor(d.file).rules[id];
          if (severitySetting === 'off') return;
          const finding: Finding = {
            ruleId: id,
            messageId: d.messageId,
            message: formatMessage(rule.meta.messages[d.messageId], d.data),
            file: d.file,
            span: d.span,
            severity: severitySetting === 'error' ? 'error' : 'warning',
            related: d.related ?? [],
            fix: d.fix,
            suggestions: d.suggestions ?? [],
            ...keyOf(d),
          };
          explain(rule, d, finding);
          sink(finding);
        },
      });
      const sink = (f: Finding) => results.get(f.file)?.findings.push(f);
      if (rule.checkFile) {
        for (const file of wanted) {
          const lf = project.files.get(file);
          if (!lf || this.opts.configFor(file).rules[id] === 'off') continue;
          rule.checkFile(lf, ctxFor(sink));
        }
      }
      if (rule.checkProject && projectRules) {
        // project rules see every file: run each once per linked project and set of wanted files,
        // however many files ask (the language server pulls diagnostics file by file); config is
        // applied as their reports are handed out
        if (this.projectReports?.index !== project || this.projectReports.scope !== scope)
          this.projectReports = { index: project, scope, byRule: new Map() };
        let reports = this.projectReports.byRule.get(id);
        if (!reports) {
          const collected: ReportDescriptor<string>[] = [];
          rule.checkProject(project, { settings, project, wants, judged, report: (d) => collected.push(d) });
          this.projectReports.byRule.set(id, (reports = collected));
        }
        const ctx = ctxFor(sink);
        for (const d of reports) if (wanted.has(d.file)) ctx.report(d);
      }
      this.timing[id] = (this.timing[id] ?? 0) + performance.now() - t0;
    }
    for (const r of results.values()) {
      const lf = project.files.get(r.file);
      // a directive naming a rule that did not run is not judged unused
      if (lf) r.findings = applySuppressions(lf, r.findings, projectRules ? this.opts.only : ran);
      r.findings.sort((a, b) => a.span.start - b.span.start || String(a.ruleId).localeCompare(String(b.ruleId)));
      r.findings = dropRepeats(r.findings);
    }
    return results;
  }
}

/**
 * One finding per rule, place and message: a call that deletes two keys (`remove.user(u)` deleting
 * `u:{id}` and `u:{apikey}`) before the write is one problem to fix, not two. The repeat's related
 * places join the first's. `findings` is sorted by position.
 */
function dropRepeats(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    let same: Finding | undefined;
    // sorted by position: only the findings at this start can repeat it
    for (let k = out.length - 1; k >= 0 && out[k].span.start === f.span.start && !same; k--) {
      const o = out[k];
      if (o.span.end === f.span.end && o.ruleId === f.ruleId && o.message === f.message) same = o;
    }
    if (!same) {
      out.push(f);
      continue;
    }
    for (const r of f.related) if (!same.related.some((x) => x.file === r.file && x.span.start === r.span.start && x.message === r.message)) same.related.push(r);
  }
  return out;
}

/** The detail and race timeline of a finding (the hover and the markdown output show them). */
function explain(rule: Rule, d: ReportDescriptor<string>, f: Finding): void {
  const detail = rule.meta.details?.[d.messageId];
  if (detail) f.detail = formatMessage(detail, d.data);
  if (d.race) f.race = d.race;
  const timeline = rule.timeline?.(d.messageId, d.race ?? {});
  if (timeline) f.timeline = timeline;
}

/**
 * What of the config changes the facts (not severities: those only filter findings). The project
 * modules decide which imported names the extractor records as possible wrappers and key builders.
 */
function configFingerprint(c: ResolvedConfig): string {
  return JSON.stringify([c.cacheModules, c.wrappers, c.sentinels, !!c.includeTestsAndScripts, c.projectModules ?? null]);
}

export type { LinkedFile };
