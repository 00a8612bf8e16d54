// The CLI's output formats, named as ESLint names them (`--format stylish|json|sarif|github`).
// Every formatter takes the analysed files (path, text, findings) and returns the whole output.
import type { Finding, RuleMeta } from '../rule';
import { formatGithub } from './github';
import { formatJson, formatJsonWithMetadata } from './json';
import type { Coverage } from '../engine/coverage';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface ReportFile {
  /** absolute path */
  file: string;
  /** the text the findings' offsets refer to (without a BOM) */
  text: string;
  /** the file started with a BOM (ESLint's `source`/`output` keep it) */
  bom?: boolean;
  findings: Finding[];
  /** syntax errors: reported as ESLint's fatal "Parsing error" (the first one) */
  parseErrors?: readonly { start: number; message: string }[];
  /** the fixed text (with its BOM), when --fix or --fix-dry-run changed the file */
  output?: string;
  /** findings the baseline hides (ESLint's `suppressedMessages`): never counted, never failing the run */
  suppressed?: Finding[];
}

export interface ReportContext {
  /** folder that relative paths (SARIF, GitHub) are relative to */
  cwd: string;
  /** ANSI colours (stylish only) */
  color?: boolean;
  /** metadata of the rules that ran (SARIF's rule list, in this order) */
  rules?: readonly RuleMeta<string>[];
  /** cachelint's version (SARIF's driver version) */
  version?: string;
  /** the baseline file(s) that hid findings, for the footer that says how many */
  baselines?: readonly string[];
  /** what the analysis saw: SARIF's run properties, json-with-metadata's metadata */
  coverage?: Coverage;
}

export type Formatter = (results: readonly ReportFile[], ctx: ReportContext) => string;

export const FORMATS = ['stylish', 'json', 'json-with-metadata', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export const formatters: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  'json-with-metadata': formatJsonWithMetadata,
  sarif: formatSarif,
  github: formatGithub,
};

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}
