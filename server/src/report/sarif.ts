// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps). Paths are relative to %SRCROOT% (the
// working folder); each result carries a `primaryLocationLineHash` made from the rule id and the
// normalised text of the line (plus an occurrence count), not the line number, so a finding keeps
// its identity when unrelated lines above it move.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashText } from '../text/hash';
import { docUrl, type Finding, type RuleMeta } from '../rule';
import type { Formatter, ReportFile } from './index';
import { LineMap } from '../text/lines';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/cachelint/cachelint';
/** the id SARIF results use for ESLint-style "unused directive" reports (their ruleId is null) */
export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function level(severity: Finding['severity']): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

function ruleDescriptor(meta: RuleMeta<string>) {
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)(\w)/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${meta.help}`.trim() },
    helpUri: docUrl(meta.id),
    help: { text: meta.help, markdown: `${meta.help}\n\n[Documentation](${docUrl(meta.id)})` },
    defaultConfiguration: { level: level(meta.severity) },
    properties: { tags: ['cache', 'correctness'] },
  };
}

const unusedDirectiveDescriptor = {
  id: UNUSED_DIRECTIVE_ID,
  name: 'UnusedDisableDirective',
  shortDescription: { text: 'Report cachelint-disable comments that suppress nothing.' },
  fullDescription: { text: 'A cachelint-disable comment that suppresses no finding is stale; remove it.' },
  help: { text: 'Remove the directive, or the rule ids in it that no longer report anything.' },
  defaultConfiguration: { level: 'warning' as const },
};

export const formatSarif: Formatter = (results, ctx) => {
  const lineMaps = new Map<string, LineMap>();
  const linesOf = (r: ReportFile) => {
    let m = lineMaps.get(r.file);
    if (!m) lineMaps.set(r.file, (m = new LineMap(r.text)));
    return m;
  };
  const byFile = new Map(results.map((r) => [r.file, r]));

  const artifact = (file: string) => {
    const rel = relative(ctx.cwd, file);
    if (rel.startsWith('..') || rel === '' || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep))
      return { uri: pathToFileURL(file).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const region = (file: string, start: number, end: number): SarifRegion | undefined => {
    const r = byFile.get(file);
    if (!r) return undefined;
    const loc = linesOf(r).loc(start, end);
    return { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn };
  };
  const physical = (file: string, start: number, end: number) => {
    const reg = region(file, start, end);
    return reg ? { artifactLocation: artifact(file), region: reg } : { artifactLocation: artifact(file) };
  };

  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  for (const meta of ctx.rules ?? []) {
    ruleIndex.set(meta.id, rules.length);
    rules.push(ruleDescriptor(meta));
  }
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      ruleIndex.set(id, i);
      rules.push(id === UNUSED_DIRECTIVE_ID ? unusedDirectiveDescriptor : { id, helpUri: docUrl(id) });
    }
    return i;
  };

  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const r of results) {
    const lines = linesOf(r);
    const parseError = r.parseErrors?.[0];
    if (parseError) {
      notifications.push({
        level: 'error',
        message: { text: `Parsing error: ${parseError.message}` },
        locations: [{ physicalLocation: physical(r.file, parseError.start, parseError.start) }],
        descriptor: { id: 'parse-error' },
      });
    }
    /** (rule id, line hash) → how many times it occurred so far in this file */
    const occurrences = new Map<string, number>();
    // baselined findings are results too, marked as suppressed outside the source (SARIF §3.35):
    // code scanning shows them as such instead of losing track of them
    const baselined = new Set(r.suppressed ?? []);
    const all = [...r.findings, ...baselined].sort((a, b) => a.span.start - b.span.start);
    for (const f of all) {
      const ruleId = f.ruleId ?? UNUSED_DIRECTIVE_ID;
      const lineNo = lines.position(f.span.start).line;
      const normalised = lines.line(lineNo).trim().replace(/\s+/g, ' ');
      const hash = hashText(`${ruleId}\u0000${normalised}`).slice(0, 16);
      const n = (occurrences.get(`${ruleId}:${hash}`) ?? 0) + 1;
      occurrences.set(`${ruleId}:${hash}`, n);
      const result: Record<string, unknown> = {
        ruleId,
        ruleIndex: indexOf(ruleId),
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: physical(r.file, f.span.start, f.span.end) }],
        partialFingerprints: { primaryLocationLineHash: `${hash}:${n}` },
      };
      if (f.key) result.properties = { cacheKey: f.key };
      if (baselined.has(f)) result.suppressions = [{ kind: 'external', status: 'accepted', justification: 'Recorded in the cachelint baseline.' }];
      if (f.related.length > 0) {
        result.relatedLocations = f.related.map((rel, id) => ({
          id,
          physicalLocation: physical(rel.file, rel.span.start, rel.span.end),
          message: { text: rel.message },
        }));
      }
      sarifResults.push(result);
    }
  }

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'cachelint',
        informationUri: INFORMATION_URI,
        ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}),
        rules,
      },
    },
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href } },
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  if (notifications.length > 0) run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: notifications }];
  return JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2);
};
