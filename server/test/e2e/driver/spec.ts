// What the e2e runner asks the driver extension to do, and what the driver reports back (JSON
// files named by $E2E_SPEC and $E2E_RESULT, which code-server passes on to its extension host).

export interface DriverSpec {
  /** files to open (absolute paths) and the cachelint codes each must show */
  files: { file: string; codes: string[] }[];
  /** the diagnostic to hover, check in the DOM and screenshot */
  hover: { file: string; code: string };
  /** quick fixes to apply: the action whose title matches `title` (a RegExp source) on the `code` diagnostic */
  fixes: { file: string; code: string; title: string; expectLine: string }[];
  /**
   * After the fixes: put the line of the `code` fix in `file` back as it was, then run the
   * extension's "Fix all auto-fixable problems" command (safe fixes only) and check the line.
   */
  fixAll?: { file: string; code: string; expectLine: string };
  /**
   * After fix-all: "Disable cachelint <code> for this line" on `file`, applied as VS Code applies
   * it (a snippet edit), then `reason` typed where the cursor landed.
   */
  disable?: { file: string; code: string; reason: string };
  /** "Show documentation for <code>": the bundled page in the Markdown preview */
  showDoc?: { file: string; code: string };
  /** the walkthrough with this title, and its first step's command (opens or creates the config) */
  walkthrough?: { id: string; title: string };
  /** last: this broken config is written; its notification's "Open config" button is clicked */
  brokenConfig?: { file: string; text: string; key: string };
  /**
   * "cachelint: Show Cache Keys": the Explorer's Cache Keys view shows these key labels (checked in
   * the DOM, then screenshot); clicking the row of `open` (a site's `file:line` text) opens that line.
   * Also reads the status item's summary (the extension's API).
   */
  keys?: { labels: string[]; open: { row: string; file: string; line: number }; screenshot: string };
  /** chromium's profile folder, for the CDP connection (screenshot, DOM checks) */
  chromeProfile?: string;
  /** where to write the PNG */
  screenshot?: string;
  timeoutMs: number;
}

export interface DiagnosticInfo {
  code: string;
  line: number;
  character: number;
  severity: number;
  source?: string;
  message: string;
  docLink?: string;
}

export interface DriverResult {
  ok: boolean;
  vscode: string;
  extensionActive: boolean;
  commands: string[];
  files: { file: string; diagnostics: DiagnosticInfo[]; ms: number }[];
  hover: { markdown: string[]; widgetText?: string; squiggles?: number; screenshot?: string };
  fixes: { file: string; code: string; titles: string[]; applied: boolean; lineAfter: string; codesOnLineAfter: string[]; ms: number }[];
  fixAll?: { restored: boolean; lineAfter: string; codesOnLineAfter: string[]; ms: number };
  disable?: { title: string; line: number; cursor: { line: number; character: number }; lineAfter: string; codesAfter: string[] };
  showDoc?: { title: string; tabs: { label: string; kind: string }[] };
  walkthrough?: { shown: boolean; configFile: string; selected: string; configText: string };
  brokenConfig?: { toast: string; opened: string; selection: { line: number; text: string } };
  keys?: {
    /** the key labels of the server's answer (what the view shows) */
    labels: string[];
    /** the texts of the view's rows in the DOM */
    rows: string[];
    findings: number;
    opened: { file: string; line: number };
    status: { text: string; detail?: string; warning: boolean };
  };
  errors: string[];
  totalMs: number;
}
