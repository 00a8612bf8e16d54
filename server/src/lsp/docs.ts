// "Show documentation for <rule>": the rule's page ships with the server (esbuild.mjs copies
// docs/rules/*.md to dist/docs/rules/), so it opens offline. The VS Code client intercepts the
// command and renders the page with its Markdown preview; other clients get a window/showDocument
// of the local file (Neovim opens it in a buffer), or, without showDocument, its path in a message.
// The diagnostics' codeDescription keeps the web URL, which any client can follow.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { docUrl, RULE_IDS } from '../rule';

export const SHOW_DOC_COMMAND = 'cachelint.showDocumentation';

/** The command's argument: the rule, and the web page for clients that want a URL. */
export interface ShowDocArgs {
  ruleId: string;
  url: string;
}

export function showDocArgs(ruleId: string): ShowDocArgs {
  return { ruleId, url: docUrl(ruleId) };
}

/** The bundled page of a rule, next to the server bundle; undefined outside a build (or for an unknown id). */
export function localDoc(ruleId: string, dir = join(__dirname, 'docs', 'rules')): string | undefined {
  if (!(RULE_IDS as readonly string[]).includes(ruleId)) return undefined;
  const file = join(dir, `${ruleId}.md`);
  return existsSync(file) ? file : undefined;
}

/** The rule a command invocation names (an object, or the web URL older clients pass). */
export function ruleOfArgs(args: readonly unknown[] | undefined): string | undefined {
  const a = args?.[0];
  const id = a && typeof a === 'object' ? (a as Partial<ShowDocArgs>).ruleId : typeof a === 'string' ? /\/docs\/rules\/([a-z-]+)\.md$/.exec(a)?.[1] : undefined;
  return typeof id === 'string' && (RULE_IDS as readonly string[]).includes(id) ? id : undefined;
}
