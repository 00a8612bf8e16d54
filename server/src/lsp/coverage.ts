// What the server saw, after each analysis (issue 12, "never silently blind"): per workspace folder
// the files, the cache calls by library and wrapper, the keys by role. Logged to the output channel
// when it changes, sent as `cachelint/coverage` (the VS Code status item shows it; any client may
// listen), and, once per folder, a warning when the folder uses a cache library in which cachelint
// recognised nothing (or calls it could not follow), saying what to configure.
import { cacheLibsUsed } from '../engine/cache-libs';
import { coverageOf, type Coverage } from '../engine/coverage';
import { blindNotice, coverageLines } from '../report/coverage';
import type { FolderIndex } from './workspace';

export const COVERAGE_NOTIFICATION = 'cachelint/coverage';

export interface FolderCoverage {
  root: string;
  coverage: Coverage;
  /** the summary, one fact a line (as `cachelint --stats` prints it) */
  summary: string[];
  /** set when cachelint cannot see into the folder's cache code: what it means and what to do */
  notice?: string;
}

export interface CoverageParams {
  folders: FolderCoverage[];
}

/** One folder's coverage, from its linked project (every indexed file is parsed in the server). */
export function folderCoverage(folder: FolderIndex): FolderCoverage | undefined {
  if (folder.root === undefined) return undefined;
  const a = folder.analyzer;
  const files = a.files();
  const coverage = coverageOf(a.project(), {
    files: files.length,
    parsed: files.length,
    libraries: cacheLibsUsed(files, (f) => a.factsOf(f), (f) => folder.configFor(f).cacheModules),
  });
  const notice = blindNotice(coverage, folder.root);
  return { root: folder.root, coverage, summary: coverageLines(coverage, folder.root), ...(notice ? { notice } : {}) };
}

export class CoverageReporter {
  private readonly computed = new Map<FolderIndex, { generation: number; value: FolderCoverage | undefined }>();
  private lastSent = '';
  private readonly warned = new Set<string>();

  constructor(
    private readonly host: {
      log(m: string): void;
      warn(m: string): void;
      notify(p: CoverageParams): void;
    },
  ) {}

  /** Recomputes the folders whose analysis changed; logs and notifies when the summary did. */
  update(folders: readonly FolderIndex[]): void {
    const out: FolderCoverage[] = [];
    for (const f of folders) {
      if (f.root === undefined || !f.indexed) continue;
      let c = this.computed.get(f);
      if (!c || c.generation !== f.generation) {
        let value: FolderCoverage | undefined;
        try {
          value = folderCoverage(f);
        } catch (e) {
          this.host.log(`cachelint: coverage of ${f.root} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        this.computed.set(f, (c = { generation: f.generation, value }));
      }
      if (c.value) out.push(c.value);
    }
    const key = JSON.stringify(out.map((c) => [c.root, c.summary, c.notice]));
    if (key === this.lastSent) return;
    this.lastSent = key;
    for (const c of out) {
      this.host.log(`cachelint: ${c.root}: ${c.summary.join('; ')}`);
      if (c.notice && !this.warned.has(c.root)) {
        this.warned.add(c.root);
        this.host.log(`cachelint: ${c.notice}`);
        this.host.warn(`cachelint: ${c.notice}`);
      }
    }
    this.host.notify({ folders: out });
  }
}
