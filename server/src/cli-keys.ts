// `cachelint keys [paths]`: the project's key map (engine/key-map.ts) as text, JSON or one
// self-contained HTML page. The same analysis as a lint run (files, config, ignores), reported by
// key shape instead of by file; exit code 0 unless the command cannot run (2).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { UsageError } from './cli-args';
import type { CliIo } from './cli';
import { createConfigLoader } from './config-load';
import { buildKeyMap, relativiseKeyMap } from './engine/key-map';
import { listFiles } from './engine/files';
import { knowListing } from './model/modules/disk';
import { configIgnore, lintFiles } from './engine/lint-files';
import { cacheManagerMajor } from './engine/packages';
import { Analyzer } from './engine/run';
import { blindNotice } from './report/coverage';
import { formatKeysText } from './report/keys';
import { formatKeysHtml } from './report/keys-html';

export const KEYS_HELP = `cachelint keys [options] [file|dir|glob]*

Prints every cache key shape of the project: its role (cache, not a cache, unknown) with the
evidence, the TTLs its writes set, and its readers, writers, deleters and expirers with their
locations, grouped by the entity the key holds, with the findings on each key.

Options:
  -f, --format String             text, json or html - default: text
  -o, --output-file path::String  Write the output to this file (html: default cachelint-keys.html)
  -c, --config path::String       Use this JSON config file instead of searching for one
  -h, --help                      Show help
`;

const KEY_FORMATS = ['text', 'json', 'html'] as const;

export function runKeys(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { format: { type: 'string', short: 'f' }, 'output-file': { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\.$/, '')}. Run 'cachelint keys --help' for usage.`);
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(KEYS_HELP);
    return 0;
  }
  const format = v.format ?? 'text';
  if (!(KEY_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`The key map format "${format}" was not found. Available formats: ${KEY_FORMATS.join(', ')}.`);
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['.'];

  const loader = createConfigLoader({ configFile: v.config ? resolve(io.cwd, v.config) : undefined, strict: true });
  const ignore = configIgnore(loader, io.cwd, v.config !== undefined);
  const files = new Set<string>();
  const notices: string[] = [];
  for (const p of paths) {
    const listed = listFiles([p], { cwd: io.cwd, ignore, onListing: knowListing });
    if (listed.files.length === 0)
      throw new UsageError(`No files matching the pattern "${p}" were found. Please check for typing mistakes in the pattern.`);
    listed.files.forEach((f) => files.add(f));
    notices.push(...listed.notices);
  }
  const analyzer = new Analyzer({ configFor: (f) => loader.configFor(f), cacheManagerMajor });
  const lint = lintFiles([...files].sort(), { analyzer, loader });
  notices.push(...lint.notices);
  const blind = lint.coverage && blindNotice(lint.coverage, io.cwd);
  if (blind) notices.push(blind);
  for (const n of notices) io.stderr(`cachelint: ${n}\n`);

  const map = relativiseKeyMap(
    buildKeyMap(
      analyzer.project(),
      lint.results.flatMap((r) => r.findings),
    ),
    io.cwd,
  );
  let output: string;
  if (format === 'json') output = `${JSON.stringify({ version, ...map, ...(lint.coverage ? { coverage: lint.coverage } : {}) }, null, 2)}\n`;
  else if (format === 'html') output = formatKeysHtml(map, { title: basename(io.cwd), version, coverage: lint.coverage });
  else output = formatKeysText(map);

  const outFile = v['output-file'] ? resolve(io.cwd, v['output-file']) : format === 'html' ? resolve(io.cwd, 'cachelint-keys.html') : undefined;
  if (outFile) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, output);
    if (format === 'html') io.stderr(`cachelint: wrote the key map (${map.keys.length} key shapes) to ${outFile}\n`);
  } else io.stdout(output);
  return 0;
}
