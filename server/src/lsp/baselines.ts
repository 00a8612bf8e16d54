// The editor's view of `cachelint-baseline.json` (engine/baseline.ts has the format and matching):
// the nearest baseline above each file, read once and kept until a watched-file event says it
// changed. A broken baseline is shown once and ignored: the editor then shows every finding.
import { dirname, join } from 'node:path';
import { BaselineError, baselineKey, findBaseline, readBaseline, type Baseline } from '../engine/baseline';
import { errorText } from './workspace';

export interface BaselineEntry {
  /** the baseline file */
  file: string;
  /** the file's recorded counts, if any */
  entry: Baseline[string] | undefined;
}

export class BaselineStore {
  /** folder → the baseline governing its files (null: none) */
  private readonly located = new Map<string, string | null>();
  private readonly data = new Map<string, Baseline | null>();
  private readonly reported = new Set<string>();
  /** bumped by clear(): reports made with an older baseline are stale */
  generation = 0;

  constructor(private readonly host: { log(message: string): void; warn(message: string): void }) {}

  entryFor(file: string): BaselineEntry | undefined {
    const dir = dirname(file);
    let where = this.located.get(dir);
    if (where === undefined) this.located.set(dir, (where = findBaseline(file) ?? null));
    if (where === null) return undefined;
    const data = this.load(where);
    return data ? { file: where, entry: data[baselineKey(where, file)] } : undefined;
  }

  /** The baseline a folder's files use, for the output channel's header. */
  fileFor(folderRoot: string): string | undefined {
    return findBaseline(join(folderRoot, '_'));
  }

  private load(file: string): Baseline | null {
    let b = this.data.get(file);
    if (b !== undefined) return b;
    try {
      b = readBaseline(file) ?? null;
    } catch (e) {
      b = null;
      const message = e instanceof BaselineError ? e.message : errorText(e);
      if (!this.reported.has(message)) {
        this.reported.add(message);
        this.host.log(`${message} (findings are shown as if there were no baseline)`);
        this.host.warn(`${message} (cachelint shows every finding until it is fixed)`);
      }
    }
    this.data.set(file, b);
    return b;
  }

  /** A baseline file was created, changed or deleted. */
  clear(): void {
    this.located.clear();
    this.data.clear();
    this.reported.clear();
    this.generation++;
  }
}
