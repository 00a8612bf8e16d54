// What the language status item says for each server state (pure: unit-tested without VS Code).
export interface Status {
  /** the server's own states, plus `stopped` when the client lost it */
  state: 'starting' | 'indexing' | 'ready' | 'stopped';
  lastAnalysisMs: number;
  /** while indexing: how many files the workspace folders hold */
  files?: number;
}

/** What the server saw per workspace folder (`cachelint/coverage`, server/src/lsp/coverage.ts). */
export interface CoverageInfo {
  folders: { root: string; summary: string[]; notice?: string; coverage: { calls: { total: number } } }[];
}

export interface StatusView {
  text: string;
  detail: string | undefined;
  busy: boolean;
  warning: boolean;
}

export function statusView(s: Status, cov?: CoverageInfo): StatusView {
  switch (s.state) {
    case 'ready': {
      const timing = `last analysis ${s.lastAnalysisMs} ms`;
      if (!cov || cov.folders.length === 0) return { text: 'cachelint', detail: timing, busy: false, warning: false };
      const calls = cov.folders.reduce((n, f) => n + f.coverage.calls.total, 0);
      const blind = cov.folders.find((f) => f.notice);
      // the summary of each folder (a multi-root workspace names them), then the timing
      const many = cov.folders.length > 1;
      const lines = cov.folders.map((f) => `${many ? `${f.root.split(/[\\/]/).pop()}: ` : ''}${f.summary.slice(0, 3).join(' · ')}`);
      return {
        text: calls === 0 && blind ? 'cachelint: no cache calls recognised' : `cachelint: ${calls.toLocaleString('en-US')} cache call${calls === 1 ? '' : 's'}`,
        detail: `${lines.join(' | ')} · ${timing}`,
        busy: false,
        warning: !!blind,
      };
    }
    case 'stopped':
      return { text: 'cachelint: stopped', detail: 'Restart it with "cachelint: Restart Server"', busy: false, warning: true };
    case 'indexing':
      return {
        text: s.files ? `cachelint: indexing ${s.files.toLocaleString('en-US')} files…` : 'cachelint: indexing…',
        // the files already open are checked meanwhile: say so, or people wait for nothing
        detail: 'open files are checked meanwhile; findings across files follow',
        busy: true,
        warning: false,
      };
    default:
      return { text: 'cachelint: starting…', detail: undefined, busy: true, warning: false };
  }
}
