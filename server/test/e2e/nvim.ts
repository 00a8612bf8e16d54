// Runs Neovim headless as an LSP client of the bundled server (lsp-test.lua does the work).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NvimRun {
  nvim: string;
  server: string;
  root: string;
  file: string;
  code: string;
  /** a substring of the code action's title */
  title: string;
  /** a substring the fixed line must contain */
  expect: string;
  /** every code the file's complete publish holds (default: `code`) */
  codes?: string[];
  /** also run "Show documentation" and record what it shows */
  doc?: boolean;
  /** also send `cachelint/keys` and record the key map */
  keys?: boolean;
  work: string;
}

export interface NvimResult {
  ok: boolean;
  nvim: string;
  errors: string[];
  first_diagnostics_ms?: number;
  diagnostics?: { code: string; line: number; source: string; severity: number }[];
  buffer_diagnostics?: number;
  hover?: string;
  code_action_titles?: string[];
  applied?: string;
  line_after?: string;
  diagnostics_after?: string[];
  doc_message?: string;
  keys?: { labels: string[]; findings: number; sites: number; folders: number; first_site?: string };
}

export function runNvim(run: NvimRun): { result: NvimResult; status: number | null; stderr: string } {
  mkdirSync(run.work, { recursive: true });
  const out = join(run.work, 'nvim.json');
  const script = join(__dirname, 'nvim', 'lsp-test.lua');
  const p = spawnSync(run.nvim, ['--headless', '--clean', '-n', '-c', `luafile ${script}`], {
    env: {
      ...process.env,
      NODE: process.execPath,
      SERVER: run.server,
      ROOT: run.root,
      FILE: run.file,
      CODE: run.code,
      TITLE: run.title,
      EXPECT: run.expect,
      CODES: (run.codes ?? [run.code]).join(','),
      DOC: run.doc ? '1' : '',
      KEYS: run.keys ? '1' : '',
      OUT: out,
      // nvim writes its LSP log and state under ~ unless pointed elsewhere
      XDG_STATE_HOME: join(run.work, 'state'),
      XDG_DATA_HOME: join(run.work, 'data'),
      XDG_CACHE_HOME: join(run.work, 'cache'),
      XDG_CONFIG_HOME: join(run.work, 'config'),
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const result: NvimResult = existsSync(out)
    ? (JSON.parse(readFileSync(out, 'utf8')) as NvimResult)
    : { ok: false, nvim: '?', errors: [`no result (status ${p.status}, signal ${p.signal}): ${p.stderr}`] };
  return { result, status: p.status, stderr: p.stderr };
}
