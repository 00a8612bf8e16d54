// The race explainer as text: a finding's timeline (rule.timeline, filled in by the engine) as one
// plain line (`T0 reader: getUser misses user:{} … → stale until the TTL (10 min)`) and as the
// Markdown the hover, SARIF `message.markdown` and the JSON `markdown` field show.
import { docUrl, type Finding, type Timeline } from '../rule';

/** Markdown code spans → plain text (the steps name things as `` `getUser` ``). */
function plain(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1');
}

/** `T0 reader: … · T1 writer: … → outcome`, without Markdown. */
export function timelineText(t: Timeline): string {
  const steps = t.steps.map((s, i) => `T${i} ${s.actor}: ${plain(s.text)}`).join(' · ');
  return `${steps} → ${t.outcome}`;
}

/** The timeline as a Markdown list, one step a line, the outcome on the last. */
export function timelineMarkdown(t: Timeline): string {
  const lines = t.steps.map((s, i) => `- **T${i}** ${s.actor}: ${s.text}`);
  const last = lines.length - 1;
  lines[last] = `${lines[last]} → **${t.outcome}**`;
  return lines.join('\n');
}

export interface ExplainOptions {
  /** start with the headline (SARIF/JSON); the hover leaves it out, the editor shows the diagnostic's message above */
  headline?: boolean;
  /** the rule's `help` (what to do) */
  help?: string;
}

/**
 * The Markdown explanation of a finding: headline, the why, the race for this code, what to do and
 * a link to the rule's doc. Undefined for a finding with nothing to explain (an unused directive,
 * a finding made before rules explained themselves).
 */
export function explanationMarkdown(f: Finding, opts: ExplainOptions = {}): string | undefined {
  if (!f.ruleId || (!f.detail && !f.timeline)) return undefined;
  const parts: string[] = [];
  if (opts.headline) parts.push(`**${escapeMarkdown(f.message)}** (\`${f.ruleId}\`)`);
  if (f.detail) parts.push(f.detail);
  if (f.timeline) parts.push(`How it goes stale:\n\n${timelineMarkdown(f.timeline)}`);
  const link = `[${f.ruleId}](${docUrl(f.ruleId)})`;
  parts.push(opts.help ? `${opts.help} ${link}` : link);
  return parts.join('\n\n');
}

/** A headline is plain text: its `*`, `_` and brackets must not turn into Markdown. */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
