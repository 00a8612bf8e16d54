// Command-line options, named and behaving as ESLint's (`-f`, `--max-warnings`, `--fix`,
// `--fix-dry-run`, `-c`, `-o`, `--quiet`, `--no-color`…), parsed with node:util parseArgs.
// `--rule <id>` differs on purpose: it selects the rules to run (optionally `id:severity`).
import { parseArgs } from 'node:util';
import { didYouMean } from './config-load';
import { FORMATS, isFormatName, type FormatName } from './report/index';
import { RULE_IDS, type RuleId, type SeveritySetting } from './rule';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliOptions {
  paths: string[];
  format: FormatName;
  /** -1: no limit (ESLint's default) */
  maxWarnings: number;
  /** `--rule`: run only these */
  rules?: RuleId[];
  rulesOverride: Partial<Record<RuleId, SeveritySetting>>;
  fix: boolean;
  fixDryRun: boolean;
  timing: boolean;
  /** `--stats`: print what the analysis saw (files, cache calls by library, keys by role) */
  stats: boolean;
  quiet: boolean;
  config?: string;
  cache: boolean;
  cacheLocation?: string;
  /** `--cache-strategy`: take files whose stat is unchanged as unchanged (metadata), or read them all (content) */
  cacheStrategy: 'metadata' | 'content';
  outputFile?: string;
  /** undefined: colour when writing to a terminal */
  color?: boolean;
  /** parse every file, not only those that can hold cache code (syntax errors everywhere are then reported) */
  parseAll: boolean;
  /** record today's findings in the baseline (`--write-baseline`) */
  writeBaseline: boolean;
  /** drop baseline entries that no longer occur (`--prune-baseline`) */
  pruneBaseline: boolean;
  /** `--baseline-file`: this baseline instead of the nearest cachelint-baseline.json */
  baselineFile?: string;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  timing: { type: 'boolean' },
  stats: { type: 'boolean' },
  'parse-all': { type: 'boolean' },
  quiet: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  'write-baseline': { type: 'boolean' },
  'prune-baseline': { type: 'boolean' },
  'baseline-file': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const SEVERITY: Record<string, SeveritySetting> = { off: 'off', warn: 'warn', error: 'error', '0': 'off', '1': 'warn', '2': 'error' };

export const HELP = `cachelint [options] [file|dir|glob]*
cachelint keys [options] [file|dir|glob]*   (the key map: cachelint keys --help)

Finds stale-cache bugs in TypeScript and JavaScript. Folders skip node_modules, build output
and .gitignored files; a folder named node_modules (or one inside it) is analysed whole.

Basic configuration:
  -c, --config path::String       Use this JSON config file instead of searching for
                                  .cachelintrc.json / package.json "cachelint"

Specify Rules:
  --rule id[:severity]            Run only this rule (repeatable); severity: off, warn, error

Fix Problems:
  --fix                           Automatically fix problems (safe fixes only)
  --fix-dry-run                   Automatically fix problems without saving the changes to
                                  the file system (prints the json format unless -f is given)

Caching:
  --cache                         Only re-extract facts of changed files - default: false
  --cache-location path::String   Path to the cache file or directory
                                  - default: node_modules/.cache/cachelint/
  --cache-strategy String         Strategy to use for detecting changed files in the cache -
                                  either: metadata (a file whose size, times and inode are
                                  unchanged is not read again) or content (every file is
                                  read and hashed) - default: metadata

Baseline:
  --write-baseline                Record today's findings in cachelint-baseline.json (next to
                                  the nearest .cachelintrc.json or package.json); later runs
                                  report only findings beyond the recorded counts
  --prune-baseline                Drop baseline entries that no longer occur
  --baseline-file path::String    Use this baseline file instead of the nearest
                                  cachelint-baseline.json

Handle Warnings:
  --quiet                         Report errors only - default: false
  --max-warnings Int              Number of warnings to trigger nonzero exit code - default: -1

Output:
  -o, --output-file path::String  Specify file to write report to
  -f, --format String             Use a specific output format: ${FORMATS.join(', ')} - default: stylish
  --color, --no-color             Force enabling/disabling of color

Miscellaneous:
  --parse-all                     Parse every file, not only those that can hold cache code
                                  (syntax errors are then reported in every file)
  --timing                        Print the time spent per rule (to stderr)
  --stats                         Print what cachelint saw (to stderr): files, cache calls by
                                  library and wrapper, keys by role
  -h, --help                      Show help
  -v, --version                   Output the version number

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 invalid usage, invalid configuration, baseline entries that no longer occur, or internal error.
Baselined findings never fail a run.
`;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }));
  }
  const v = parsed.values;
  const format = v.format ?? (v['fix-dry-run'] ? 'json' : 'stylish');
  if (!isFormatName(format))
    throw new UsageError(`The cachelint format "${format}" was not found${didYouMean(format, FORMATS)}. Available formats: ${FORMATS.join(', ')}.`);
  if (v.fix && v['fix-dry-run']) throw new UsageError('The --fix option and the --fix-dry-run option cannot be used together.');

  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'].trim();
    if (!/^-?\d+$/.test(raw) || Number(raw) < -1)
      throw new UsageError(`Invalid value for option 'max-warnings' - expected type Int (-1 or more), received value: ${v['max-warnings']}.`);
    maxWarnings = Number(raw);
  }

  let rules: RuleId[] | undefined;
  const rulesOverride: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const spec of (v.rule ?? []).flatMap((r) => r.split(','))) {
    const [rawId, rawSeverity, extra] = spec.split(':').map((s) => s.trim());
    if (!rawId) continue;
    if (!(RULE_IDS as readonly string[]).includes(rawId))
      throw new UsageError(`Unknown rule '${rawId}'${didYouMean(rawId, RULE_IDS)}. Known rules: ${RULE_IDS.join(', ')}.`);
    const id = rawId as RuleId;
    if (rawSeverity !== undefined) {
      const s = SEVERITY[rawSeverity];
      if (!s || extra !== undefined)
        throw new UsageError(`Invalid severity in --rule '${spec}': expected off, warn, error, 0, 1 or 2.`);
      rulesOverride[id] = s;
    }
    rules ??= [];
    if (!rules.includes(id)) rules.push(id);
  }

  const cacheStrategy = v['cache-strategy']?.trim() ?? 'metadata';
  if (cacheStrategy !== 'metadata' && cacheStrategy !== 'content')
    throw new UsageError(`Invalid value for option 'cache-strategy' - expected "metadata" or "content", received value: ${v['cache-strategy']}.`);

  const cacheLocation = v['cache-location'];
  if (cacheLocation !== undefined && cacheLocation.trim() === '') throw new UsageError('--cache-location needs a path.');
  if (v['output-file'] !== undefined && v['output-file'].trim() === '') throw new UsageError('--output-file needs a path.');
  if (v.config !== undefined && v.config.trim() === '') throw new UsageError('--config needs a path.');
  if (v['baseline-file'] !== undefined && v['baseline-file'].trim() === '') throw new UsageError('--baseline-file needs a path.');

  return {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    format,
    maxWarnings,
    rules,
    rulesOverride,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    timing: v.timing ?? false,
    stats: v.stats ?? false,
    parseAll: v['parse-all'] ?? false,
    writeBaseline: v['write-baseline'] ?? false,
    pruneBaseline: v['prune-baseline'] ?? false,
    baselineFile: v['baseline-file'],
    quiet: v.quiet ?? false,
    config: v.config,
    cache: v.cache ?? false,
    cacheLocation,
    cacheStrategy,
    outputFile: v['output-file'],
    color: v['no-color'] ? false : v.color ? true : undefined,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

/** parseArgs' errors, reworded the way ESLint reports a bad option. */
function usageMessage(e: Error & { code?: string }): string {
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const opt = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const names = Object.entries(OPTIONS).flatMap(([long, o]) => ['short' in o ? `-${o.short}` : '', `--${long}`]).filter(Boolean);
    return `Invalid option '${opt}'${didYouMean(opt, names)}. Run 'cachelint --help' for the list of options.`;
  }
  return `${e.message.replace(/\.$/, '')}. Run 'cachelint --help' for usage.`;
}
