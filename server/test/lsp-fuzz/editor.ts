// The editor side of the fuzz: open documents with a model of each text, edits sent in the sync
// kind the server declared, fire-and-forget requests kept in flight, and "pauses" where the user
// waits for the server. Everything that decides the next edit happens at a pause, after all
// answers are in, so a seed replays the same edit sequence whatever the timing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as lsp from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, parseDiagnostics } from '../../src/syntax/walk';
import { uriOf } from '../e2e/lsp-client';
import { diffEdit, nextEdits, type Edit, type Rng } from './edits';
import type { Session } from './session';

export interface FuzzDoc {
  /** path relative to the workspace folder */
  rel: string;
  uri: string;
  model: TextDocument;
  /** earlier texts that parsed, the original first: what undo goes back to */
  history: string[];
}

export interface RunHooks {
  /** after each edit (or run of keystrokes) with the number of edits so far */
  edited?(done: number): Promise<void>;
  /** after each burst of edits and the requests that follow it */
  paused?(done: number): Promise<void>;
}

export class FuzzEditor {
  readonly docs: FuzzDoc[] = [];
  /** edits made, by kind */
  readonly counts: Record<string, number> = {};
  /** workspace files nobody opens that the run edits on disk (another tool, a git checkout) */
  diskFiles: string[] = [];
  private readonly diskHistory = new Map<string, string[]>();
  /** versions the server put in diagnostics or code actions that were not the document's version at a pause */
  readonly staleAnswers: string[] = [];
  private inflight: Promise<unknown>[] = [];
  private readonly full: boolean;
  /** the server offers pull diagnostics (VS Code); otherwise it publishes them (Neovim 0.7) */
  readonly pull: boolean;

  constructor(
    readonly s: Session,
    readonly root: string,
    readonly rng: Rng,
  ) {
    const sync = s.init.capabilities.textDocumentSync;
    this.full = (typeof sync === 'number' ? sync : sync?.change) === lsp.TextDocumentSyncKind.Full;
    this.pull = !!s.init.capabilities.diagnosticProvider;
    // a client re-pulls every open document when the server asks it to (VS Code does)
    s.onRefresh = () => this.docs.forEach((d) => this.background(s.pull(d.uri)));
  }

  /** Opens `rel` with its disk text, or empty when the file exists only in the editor. */
  async open(rel: string): Promise<void> {
    const text = this.diskText(rel);
    const uri = uriOf(join(this.root, rel));
    this.docs.push({ rel, uri, model: TextDocument.create(uri, 'typescript', 1, text), history: [text] });
    await this.s.open(uri, text);
  }

  /** Close without saving and open again: the disk text comes back, versions start over. */
  private async reopen(d: FuzzDoc): Promise<void> {
    await this.s.conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: d.uri } });
    const text = this.diskText(d.rel);
    d.model = TextDocument.create(d.uri, 'typescript', 1, text);
    await this.s.open(d.uri, text);
  }

  /** Changes a file nobody has open, on disk, and tells the server as a file watcher would. */
  private async editOnDisk(rel: string): Promise<void> {
    const text = this.diskText(rel);
    const history = this.diskHistory.get(rel) ?? [text];
    this.diskHistory.set(rel, history);
    const edits = nextEdits(this.rng, text, history).filter((e) => e.kind !== 'type');
    const next = edits.length > 0 ? applied(text, edits[0]) : text;
    writeFileSync(join(this.root, rel), next);
    const uri = uriOf(join(this.root, rel));
    await this.s.conn.sendNotification(lsp.DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: lsp.FileChangeType.Changed }] });
  }

  private diskText(rel: string): string {
    try {
      return readFileSync(join(this.root, rel), 'utf8');
    } catch {
      return ''; // a document that exists only in the editor
    }
  }

  /**
   * `total` edits in bursts across the open documents, with requests flowing after each burst
   * and, now and then (pull servers), a pause in which the user accepts a quick fix.
   */
  async run(total: number, hooks: RunHooks = {}): Promise<void> {
    const { rng } = this;
    let done = 0;
    const count = (kind: string, n = 1) => (this.counts[kind] = (this.counts[kind] ?? 0) + n);
    while (done < total) {
      // a burst of edits without waiting for anything, as fast typing or a paste storm
      const burst = 1 + rng.int(12);
      let last = this.docs[0];
      for (let b = 0; b < burst && done < total; ) {
        const d = (last = rng.pick(this.docs));
        let n = 1;
        if (rng.chance(0.005)) {
          await this.reopen(d);
          count('reopen');
        } else if (this.diskFiles.length > 0 && rng.chance(0.02)) {
          await this.editOnDisk(rng.pick(this.diskFiles));
          count('disk');
        } else {
          let edits = nextEdits(rng, d.model.getText(), d.history).slice(0, total - done);
          if (edits[0].kind === 'type') {
            // typing: one keystroke per didChange
            for (const e of edits) await this.send(d, [e]);
          } else {
            // other edits sometimes travel together in one didChange
            if (rng.chance(0.15)) edits = [...edits, ...nextEdits(rng, applied(d.model.getText(), edits[0]), d.history).filter((e) => e.kind !== 'type')];
            edits = edits.slice(0, total - done);
            await this.send(d, edits);
          }
          for (const e of edits) count(e.kind);
          n = edits.length;
        }
        done += n;
        b += n;
        await hooks.edited?.(done);
      }
      this.requests(last);
      if (this.pending > 24) await this.drain();
      // now and then the user pauses and accepts a quick fix
      if (this.pull && done < total && rng.chance(0.1) && (await this.acceptFix())) {
        count('fix');
        done++;
      }
      await hooks.paused?.(done);
    }
  }

  /**
   * Keeps requests flowing: the edited document's diagnostics (an editor pulls after a change),
   * sometimes another's, code actions and hovers at random places, a request cancelled at once.
   */
  private requests(last: FuzzDoc): void {
    const { rng, s } = this;
    if (this.pull) {
      this.background(s.pull(last.uri));
      if (rng.chance(0.3)) this.background(s.pull(rng.pick(this.docs).uri));
    }
    if (rng.chance(0.6)) {
      const d = rng.pick(this.docs);
      const a = rng.int(d.model.getText().length + 1);
      this.background(s.codeActions(d.uri, { start: d.model.positionAt(a), end: d.model.positionAt(a + rng.int(200)) }));
    }
    if (rng.chance(0.4)) {
      const d = rng.pick(this.docs);
      this.background(s.hover(d.uri, d.model.positionAt(rng.int(d.model.getText().length + 1))));
    }
    if (rng.chance(0.03)) {
      // documents the server does not hold: an untitled buffer, a file never opened
      const uri = rng.pick(['untitled:Untitled-1', uriOf(join(this.root, 'src/never-opened.ts'))]);
      const zero = { line: 0, character: 0 };
      this.background(this.pull ? s.pull(uri) : s.hover(uri, zero));
      this.background(s.codeActions(uri, { start: zero, end: zero }));
    }
    if (rng.chance(0.05)) {
      const cts = new lsp.CancellationTokenSource();
      const d = rng.pick(this.docs);
      this.background(this.pull ? s.pull(d.uri, cts.token) : s.codeActions(d.uri, { start: d.model.positionAt(0), end: d.model.positionAt(0) }, cts.token));
      cts.cancel();
    }
  }

  /** Applies edits (each to the text left by the previous) and sends them as one didChange. */
  async send(d: FuzzDoc, edits: readonly Pick<Edit, 'start' | 'end' | 'text'>[]): Promise<void> {
    const changes: lsp.TextDocumentContentChangeEvent[] = [];
    for (const e of edits) {
      const range = { start: d.model.positionAt(e.start), end: d.model.positionAt(e.end) };
      TextDocument.update(d.model, [{ range, text: e.text }], d.model.version);
      changes.push({ range, text: e.text });
    }
    const version = d.model.version + 1;
    TextDocument.update(d.model, [], version);
    await this.s.change(d.uri, version, this.full ? [{ text: d.model.getText() }] : changes);
    // undo goes back to states where the file parsed, as a user undoes to code that worked
    if (this.rng.chance(0.3) && parses(d.rel, d.model.getText())) d.history.push(d.model.getText());
    if (d.history.length > 40) d.history.splice(1, 1);
  }

  /** A request whose answer nobody waits for now (errors are counted by the session). */
  background(p: Promise<unknown>): void {
    this.inflight.push(p.catch(() => undefined));
  }

  get pending(): number {
    return this.inflight.length;
  }

  /** Waits until every request sent so far (and every re-pull they caused) is answered. */
  async drain(): Promise<void> {
    while (this.inflight.length) await Promise.all(this.inflight.splice(0));
  }

  /**
   * The user stops typing: every answer is in, and every document is pulled twice (the first round
   * puts each buffer's text into the analysis, the second sees all of them together). Returns the
   * diagnostics per URI, each checked to be for the document's current version.
   */
  async settle(): Promise<Map<string, lsp.Diagnostic[]>> {
    await this.drain();
    for (const d of this.docs) await this.s.pull(d.uri);
    const out = new Map<string, lsp.Diagnostic[]>();
    for (const d of this.docs) {
      const r = await this.s.pull(d.uri);
      const items = r.kind === 'full' ? r.items : [];
      if (r.kind !== 'full') this.staleAnswers.push(`${d.rel}: an unchanged report without a previous result id`);
      for (const i of items) {
        const v = (i.data as { version?: number } | undefined)?.version;
        if (v !== d.model.version) this.staleAnswers.push(`${d.rel}: diagnostics for version ${v}, the document is at ${d.model.version}`);
      }
      out.set(d.uri, items);
    }
    return out;
  }

  /**
   * At a pause, the user opens the lightbulb on one finding and accepts one of its actions that
   * edits (a fix, a suggestion or "disable for this line"). Returns false when no document has a
   * finding.
   */
  async acceptFix(): Promise<boolean> {
    const diags = await this.settle();
    const candidates = this.docs.filter((d) => (diags.get(d.uri)?.length ?? 0) > 0);
    if (candidates.length === 0) return false;
    const d = this.rng.pick(candidates);
    const diag = this.rng.pick(diags.get(d.uri)!);
    const actions = (await this.s.codeActions(d.uri, diag.range)) ?? [];
    const edits: lsp.TextDocumentEdit[] = [];
    for (const a of actions) {
      if (!('edit' in a) || !a.edit) continue;
      const dc = a.edit.documentChanges?.[0];
      if (!dc || !('textDocument' in dc)) continue;
      if (dc.textDocument.version !== d.model.version)
        this.staleAnswers.push(`${d.rel}: a code action for version ${dc.textDocument.version}, the document is at ${d.model.version}`);
      else edits.push(dc);
    }
    if (edits.length === 0) return false;
    const chosen = this.rng.pick(edits);
    const next = TextDocument.applyEdits(d.model, chosen.edits as lsp.TextEdit[]);
    await this.send(d, [diffEdit(d.model.getText(), next)]);
    return true;
  }
}

function applied(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

function parses(file: string, text: string): boolean {
  try {
    return parseDiagnostics(parse(file, text)).length === 0;
  } catch {
    // nested too deeply for the parser's stack
    return false;
  }
}
