// Diagnostics per open document: computed on demand (pull) or pushed, cached per document by what
// they depend on (the folder's analysis generation, the settings generation and the text version),
// and re-checked across all open documents after any change that can move another file's findings
// (key-drift is cross-file). Only documents whose diagnostics actually changed are re-sent.
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hashText } from '../text/hash';
import { splitByBaseline } from '../engine/baseline';
import { PER_FILE_RULES } from '../engine/run';
import { RULE_IDS, type Finding } from '../rule';
import type { BaselineStore } from './baselines';
import { fileUri, toDiagnostic } from './diagnostics';
import { LspText } from './positions';
import type { CachelintSettings, SettingsStore } from './settings';
import type { FolderIndex, Workspace } from './workspace';

export interface DocReport {
  uri: string;
  /** the document version whose text the findings were computed on */
  version: number;
  text: LspText;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** a hash of the diagnostics: equal ids mean the client already shows the same thing */
  resultId: string;
  /** what the report depends on; a different key means recompute */
  key: string;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface ValidatorHost {
  documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] };
  workspace: Workspace;
  settings: SettingsStore;
  baselines: BaselineStore;
  log(message: string): void;
  /** called after each analysis with its duration */
  analysed(ms: number): void;
}

/** The file path of a `file:` URI; undefined for other schemes (untitled buffers, git diffs…). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class Validator {
  private readonly reports = new Map<string, DocReport>();
  /** version of the text put into the analyzer per document (onSave: the last saved version) */
  private readonly analysedVersion = new Map<string, number>();
  /** file path → URI as the client spells it, for open documents */
  readonly uriByFile = new Map<string, string>();

  constructor(private readonly host: ValidatorHost) {}

  /** Registers an opened document and loads its text into its folder's analyzer. */
  open(doc: TextDocument): void {
    const file = pathOf(doc.uri);
    if (!file) return;
    this.uriByFile.set(file, doc.uri);
    this.host.workspace.folderFor(file).open(file, doc.getText());
    this.analysedVersion.set(doc.uri, doc.version);
  }

  close(uri: string): void {
    const file = pathOf(uri);
    this.reports.delete(uri);
    this.analysedVersion.delete(uri);
    if (!file) return;
    this.uriByFile.delete(file);
    this.host.workspace.folderFor(file).close(file);
  }

  /** onSave mode: the saved text becomes what the analysis sees. */
  saved(doc: TextDocument): void {
    const file = pathOf(doc.uri);
    if (!file) return;
    this.host.workspace.folderFor(file).setText(file, doc.getText());
    this.analysedVersion.set(doc.uri, doc.version);
  }

  /**
   * Puts the document's current text into the analysis (onType mode) before any report is made:
   * a cross-file check of several documents must see all their latest texts.
   */
  async prepare(uri: string): Promise<void> {
    const doc = this.host.documents.get(uri);
    const file = pathOf(uri);
    if (!doc || !file) return;
    const s = await this.host.settings.get(uri);
    const now = this.host.documents.get(uri);
    if (now && s.enable) this.prime(now, file, this.host.workspace.folderFor(file), s);
  }

  /** onType mode: the buffer's current text becomes what the analysis sees. */
  private prime(doc: TextDocument, file: string, folder: FolderIndex, settings: CachelintSettings): void {
    if (settings.run !== 'onType' && this.analysedVersion.has(doc.uri)) return;
    // a file the engine threw on stays out until its text changes: one log line per version
    if (this.analysedVersion.get(doc.uri) === doc.version) return;
    folder.setText(file, doc.getText());
    this.analysedVersion.set(doc.uri, doc.version);
  }

  /** The document's report, recomputed only when something it depends on changed. */
  async report(uri: string, token?: CancellationToken): Promise<DocReport | undefined> {
    const { documents, settings, workspace } = this.host;
    if (!documents.get(uri)) return undefined;
    const file = pathOf(uri);
    const s = await settings.get(uri);
    if (token?.isCancellationRequested) throw new Cancelled();
    const folder = file ? workspace.folderFor(file) : undefined;
    // Until the folder's first index is complete the file gets its own findings at once (the
    // per-file checks); the project checks follow, and the server then asks for a refresh. A later
    // re-index (the config changed) keeps the project loaded: reports wait for it, as before.
    const early = !!folder && !folder.indexed;
    if (file && folder && !early) await folder.ready;
    if (token?.isCancellationRequested) throw new Cancelled();
    // Every other buffer's latest text goes in first: two documents edited back to back (a
    // multi-file edit, a quick fix) and pulled in the other order would otherwise get cross-file
    // findings (key-drift) computed against the older text of the one not pulled yet.
    for (const other of documents.all()) if (other.uri !== uri) await this.prepare(other.uri);
    if (token?.isCancellationRequested) throw new Cancelled();
    const doc = documents.get(uri);
    if (!doc) return undefined;
    if (!file || !folder || !s.enable || folder.isIgnored(file)) return this.store(empty(doc));
    this.prime(doc, file, folder, s);
    const version = this.analysedVersion.get(uri) ?? doc.version;
    const key = `${early ? 'early' : 'full'}:${folder.generation}:${version}:${this.host.baselines.generation}`;
    const prev = this.reports.get(uri);
    if (prev && prev.key === key) return prev;
    const t0 = performance.now();
    const result = early ? folder.runEarly(file) : folder.run(file);
    const text = folder.analyzer.textOf(file);
    this.host.analysed(performance.now() - t0);
    if (!result || text === undefined) return this.store({ ...empty(doc), version, key });
    // syntax errors are the TypeScript server's to show; a file the engine gave up on is ours to explain
    for (const e of result.parseErrors)
      if (e.message.startsWith('cachelint')) this.host.log(`${file}: ${e.message} (no cachelint diagnostics for it)`);
    const lines = new LspText(text);
    const ctx = {
      version,
      textOf: (f: string) => folder.analyzer.textOf(f),
      uriOf: (f: string) => this.uriByFile.get(f) ?? fileUri(f),
      linesOf: (f: string) => this.linesOf(f, folder.analyzer.textOf(f)),
    };
    const findings: Finding[] = [];
    const diagnostics: Diagnostic[] = [];
    const baselined = this.baselined(file, folder, result.findings, early);
    for (const f of result.findings) {
      if (baselined.has(f) && s.baseline === 'hide') continue;
      try {
        diagnostics.push(toDiagnostic(f, lines, ctx, baselined.has(f)));
        findings.push(f);
      } catch (e) {
        this.host.log(`cachelint: cannot map a finding of ${file}: ${String(e)}`);
      }
    }
    return this.store({ uri, version, text: lines, findings, diagnostics, resultId: hashText(JSON.stringify(diagnostics)), key });
  }

  /** The findings cachelint-baseline.json holds (judged by the rules that ran: per-file ones while indexing). */
  private baselined(file: string, folder: FolderIndex, findings: readonly Finding[], early: boolean): Set<Finding> {
    const b = this.host.baselines.entryFor(file);
    if (!b?.entry) return new Set();
    const rules = folder.configFor(file).rules as Record<string, string>;
    const ran = early ? PER_FILE_RULES : RULE_IDS;
    const judged = (id: string) => (ran as readonly string[]).includes(id) && rules[id] !== 'off';
    return new Set(splitByBaseline(b.entry, findings, judged).baselined);
  }

  /** Line tables of related files, kept while their text is the same (a related read path rarely changes). */
  private readonly lineTables = new Map<string, LspText>();

  private linesOf(file: string, text: string | undefined): LspText | undefined {
    if (text === undefined) return undefined;
    const kept = this.lineTables.get(file);
    if (kept?.text === text) return kept;
    const lines = new LspText(text);
    if (this.lineTables.size > 64) this.lineTables.clear();
    this.lineTables.set(file, lines);
    return lines;
  }

  private store(r: DocReport): DocReport {
    this.reports.set(r.uri, r);
    return r;
  }
}

function empty(doc: TextDocument): DocReport {
  return {
    uri: doc.uri,
    version: doc.version,
    text: new LspText(doc.getText()),
    findings: [],
    diagnostics: [],
    resultId: 'empty',
    key: '',
  };
}
