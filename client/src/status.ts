// What the language status item says for each server state (pure: unit-tested without VS Code).
export interface Status {
  /** the server's own states, plus `stopped` when the client lost it */
  state: 'starting' | 'indexing' | 'ready' | 'stopped';
  lastAnalysisMs: number;
  /** while indexing: how many files the workspace folders hold */
  files?: number;
}

export interface StatusView {
  text: string;
  detail: string | undefined;
  busy: boolean;
  warning: boolean;
}

export function statusView(s: Status): StatusView {
  switch (s.state) {
    case 'ready':
      return { text: 'cachelint', detail: `last analysis ${s.lastAnalysisMs} ms`, busy: false, warning: false };
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
