// `--write-baseline`, `--prune-baseline` and `--baseline-file` (engine/baseline.ts holds the format
// and the matching): records, prunes and applies baselines to a run's results, as ESLint's CLI does
// with `--suppress-all`, `--prune-suppressions` and `--suppressions-location`. Each file uses the
// nearest `cachelint-baseline.json` above it (a monorepo may keep one per package), or the one
// `--baseline-file` names.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { exists as existsOnDisk } from './model/modules/disk';
import { dirname, relative, resolve } from 'node:path';
import { UsageError } from './cli-args';
import {
  BaselineError,
  baselineFileFor,
  baselineKey,
  countByRule,
  baselineFinder,
  pruneCounts,
  readBaseline,
  recordCounts,
  serializeBaseline,
  splitByBaseline,
  type Baseline,
} from './engine/baseline';
import { writeFileAtomic } from './engine/edits';
import type { ReportFile } from './report/index';

export interface BaselineOptions {
  /** `--baseline-file`, resolved: one baseline for every file */
  file?: string;
  /** for the paths in messages */
  cwd: string;
  write: boolean;
  prune: boolean;
}

export interface BaselineOutcome {
  results: ReportFile[];
  /** how many findings the baselines hid */
  baselined: number;
  /** recorded findings that no longer occur, per baseline file and path: "src/a.ts: missing-ttl ×2" */
  unused: string[];
  /** baseline files that hid something or were written (for the report's footer) */
  used: string[];
  notices: string[];
}

/**
 * Applies the baselines to `results` (after writing or pruning them when asked). `judged(file)`
 * says which rules ran on a file: entries of other rules are left as they are.
 */
export function applyBaselines(results: readonly ReportFile[], opts: BaselineOptions, judged: (file: string) => (ruleId: string) => boolean): BaselineOutcome {
  if (opts.file && !opts.write && !existsSync(opts.file))
    throw new UsageError(`The baseline file ${opts.file} does not exist. Run cachelint with --write-baseline to create it.`);
  // every file of a run asks about the same few folders: the module layout's disk cache answers
  // each once (and a folder the listing read without a stat)
  const find = baselineFinder(existsOnDisk);
  const groups = new Map<string, ReportFile[]>();
  for (const r of results) {
    const where = opts.file ?? (opts.write ? baselineFileFor(r.file) : find(r.file));
    if (!where) continue;
    let group = groups.get(where);
    if (!group) groups.set(where, (group = []));
    group.push(r);
  }
  const byFile = new Map<string, ReportFile>();
  const outcome: BaselineOutcome = { results: [], baselined: 0, unused: [], used: [], notices: [] };
  for (const [where, files] of groups) {
    const before = readBaseline(where);
    const data: Baseline = structuredClone(before ?? {});
    if (opts.write) {
      for (const r of files) recordCounts(data, baselineKey(where, r.file), countByRule(r.findings, judged(r.file)), judged(r.file));
    } else if (opts.prune && before) {
      for (const r of files) pruneCounts(data, baselineKey(where, r.file), countByRule(r.findings, judged(r.file)), judged(r.file));
      // entries of files that are gone (deleted or renamed since) can never match again
      for (const key of Object.keys(data)) if (!existsSync(resolve(dirname(where), key))) delete data[key];
    }
    // nothing to record where nothing was recorded: no empty baselines in every package of a monorepo
    const pointless = !before && !opts.file && total(data) === 0;
    if ((opts.write || (opts.prune && before)) && !pointless) {
      const text = serializeBaseline(data);
      if (!before || text !== safeRead(where)) {
        try {
          mkdirSync(dirname(where), { recursive: true });
          writeFileAtomic(where, text);
        } catch (e) {
          throw new BaselineError(where, `cannot write the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
        outcome.notices.push(
          opts.write
            ? `Wrote ${total(data)} baselined ${plural(total(data), 'finding')} to ${where}.`
            : `Pruned ${total(before ?? {}) - total(data)} baselined ${plural(total(before ?? {}) - total(data), "finding")} from ${where} (no longer found).`,
        );
      }
    }
    let hid = 0;
    for (const r of files) {
      const key = baselineKey(where, r.file);
      const split = splitByBaseline(data[key], r.findings, judged(r.file));
      for (const [rule, n] of Object.entries(split.unused)) outcome.unused.push(`${relative(opts.cwd, where)}: ${key}: ${rule} ×${n}`);
      hid += split.baselined.length;
      byFile.set(r.file, split.baselined.length > 0 ? { ...r, findings: split.kept, suppressed: split.baselined } : r);
    }
    outcome.baselined += hid;
    if (hid > 0) outcome.used.push(where);
  }
  outcome.results = results.map((r) => byFile.get(r.file) ?? r);
  return outcome;
}

function total(b: Baseline): number {
  let n = 0;
  for (const rules of Object.values(b)) for (const { count } of Object.values(rules)) n += count;
  return n;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export { BaselineError };
