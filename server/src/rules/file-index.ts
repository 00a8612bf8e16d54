// Project-wide lookups for the cross-file rules, kept up to date file by file. Each file adds its
// entries; between runs (an editor typing in one file) only the files that changed are taken out
// and put back, instead of rebuilding the index from every file of the workspace per keystroke.
import type { LinkedFile, ProjectIndex } from '../rule';

/** One file's entries: `add(key, value)` for each. */
export type Contribute<V> = (file: LinkedFile, add: (key: string, value: V) => void) => void;

/**
 * What a file's entries are computed from, and so when they must be recomputed: `facts` (its own
 * facts: names, calls) or `links` (also what the linker made of them: ops, which an edit in
 * another file can change).
 */
export type DependsOn = 'facts' | 'links';

const NONE: readonly never[] = [];

function sameEntries<V>(a: readonly [string, V][], b: readonly [string, V][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
  return true;
}

export class FileIndex<V> {
  /** per file: what its entries came from, and the entries */
  private readonly sources = new Map<string, { from: object; entries: [string, V][] }>();
  /** key → file → values */
  private readonly entries = new Map<string, Map<string, V[]>>();
  /** the generation of the project last brought in */
  private generation: number | undefined;

  constructor(
    private readonly dependsOn: DependsOn,
    private readonly contribute: Contribute<V>,
  ) {}

  /**
   * Brings the index in line with `project`. Derived from the project last seen, only the files
   * it lists as changed are looked at; otherwise every file is compared with what it was built from.
   */
  update(project: ProjectIndex): this {
    // several rules ask for the same index in one run: the first brings it up to date
    if (this.generation === project.generation) return this;
    const since = project.changedSince;
    if (since && this.generation !== undefined && since.generation === this.generation) {
      for (const file of since.files) this.refresh(file, project.files.get(file));
    } else {
      for (const [file, linked] of project.files) this.refresh(file, linked);
      if (this.sources.size > project.files.size) for (const file of [...this.sources.keys()]) if (!project.files.has(file)) this.refresh(file, undefined);
    }
    this.generation = project.generation;
    return this;
  }

  /** Every value under `key`, by file name order (the same answer whatever order files were added in). */
  get(key: string): readonly { file: string; value: V }[] {
    const byFile = this.entries.get(key);
    if (!byFile) return NONE;
    const files = [...byFile.keys()];
    if (files.length > 1) files.sort();
    const out: { file: string; value: V }[] = [];
    for (const file of files) for (const value of byFile.get(file)!) out.push({ file, value });
    return out;
  }

  private refresh(file: string, linked: LinkedFile | undefined): void {
    const s = this.sources.get(file);
    const from = linked && (this.dependsOn === 'facts' ? linked.facts : linked);
    if (s && s.from === from) return;
    const entries: [string, V][] = [];
    if (linked) this.contribute(linked, (key, value) => entries.push([key, value]));
    // most edits leave a file's entries as they were: then only what they came from is updated
    if (s && from && sameEntries(s.entries, entries)) {
      s.from = from;
      return;
    }
    if (s) this.drop(file, s.entries);
    if (linked && from) this.add(file, from, entries);
  }

  private add(file: string, from: object, entries: [string, V][]): void {
    for (const [key, value] of entries) {
      let byFile = this.entries.get(key);
      if (!byFile) this.entries.set(key, (byFile = new Map()));
      const list = byFile.get(file);
      if (list) list.push(value);
      else byFile.set(file, [value]);
    }
    this.sources.set(file, { from, entries });
  }

  private drop(file: string, entries: [string, V][]): void {
    for (const [key] of entries) {
      const byFile = this.entries.get(key);
      if (!byFile) continue;
      byFile.delete(file);
      if (byFile.size === 0) this.entries.delete(key);
    }
    this.sources.delete(file);
  }
}

/** The project's index named `id` (one per rule and lookup), created on first use and brought up to date. */
export function fileIndex<V>(project: ProjectIndex, id: string, dependsOn: DependsOn, contribute: Contribute<V>): FileIndex<V> {
  let ix = project.memo.get(id) as FileIndex<V> | undefined;
  if (!ix) project.memo.set(id, (ix = new FileIndex(dependsOn, contribute)));
  return ix.update(project);
}
