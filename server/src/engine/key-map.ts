// The key map (issue 12): every key shape of the project with its role and the evidence for it,
// the TTLs its writes set, its readers, writers, deleters and expirers, and the findings on it,
// grouped by the entity the key holds. One builder for `cachelint keys` (text, JSON, HTML), the
// language server's `cachelint/keys` request and so VS Code's "Cache keys" view: they show the
// same data. Built from the cache model (model/cache-model.ts), never from a walk of its own.
import { relative, sep } from 'node:path';
import type { KeyModel } from '../model/cache-model';
import { normaliseEntity } from '../facts/keys/entities';
import type { CacheOp, Finding, ProjectIndex } from '../rule';
import { LineMap } from '../text/lines';

/** A place in a file, 1-based (as ESLint and SARIF count); `file` is absolute unless relativised. */
export interface KeySite {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** the verb (`set`, `del`…), and the wrapper the call goes through (`RedisService.set`) */
  verb: string;
  via?: string;
  /** writes and expirers: the TTL in seconds, `none` (certainly none) or `unknown` */
  ttl?: number | 'none' | 'unknown';
  /** the call is in a test or a script (its key counts for nothing) */
  inTest?: boolean;
}

export interface KeyFinding {
  ruleId: string;
  message: string;
  severity: 'error' | 'warning';
  site: Omit<KeySite, 'verb' | 'via' | 'ttl'>;
}

export interface KeyShape {
  /** stable within one map: `k1`, `k2`… in display order (links between shapes use it) */
  id: string;
  /** what the user reads: the shape (`user:v1:{}`), or where a key of no literal text is built */
  label: string;
  /** the shape itself; absent for keys with nothing literal */
  shape?: string;
  /** the entity the key holds (`user`), or `other` */
  entity: string;
  role: 'cache' | 'not-cache' | 'unknown';
  /** `cache: filled after a miss` */
  summary: string;
  evidence: { role: 'cache' | 'not-cache'; reason: string; site: Omit<KeySite, 'verb' | 'via' | 'ttl'> }[];
  /** the TTLs the writes set, deduplicated: seconds, `none`, `unknown` */
  ttls: (number | 'none' | 'unknown')[];
  readers: KeySite[];
  writers: KeySite[];
  deleters: KeySite[];
  expirers: KeySite[];
  findings: KeyFinding[];
  /** ids of shapes this one drifts from (a key-drift finding joins their sites) */
  drift: string[];
}

export interface KeyMap {
  keys: KeyShape[];
}

const GENERIC = /^(cache|cached|app|api|v\d+|prod|dev|staging|test|tmp|data|key|keys)$/i;

/** The entity a key holds: the rows its writes load, else its first word that is no prefix. */
function entityOf(k: KeyModel): string {
  for (const w of k.writers) for (const e of w.valueEntities ?? []) return e;
  for (const seg of (k.shape ?? '').split(/[:/.|#{}\s]+/)) {
    if (!/[A-Za-z]{2,}/.test(seg) || GENERIC.test(seg)) continue;
    const e = normaliseEntity(seg);
    if (e) return e;
  }
  return 'other';
}

function ttlOf(op: CacheOp): KeySite['ttl'] {
  if (op.ttlSeconds !== undefined) return op.ttlSeconds;
  return op.ttl === false ? 'none' : 'unknown';
}

export function buildKeyMap(project: ProjectIndex, findings: readonly Finding[] = []): KeyMap {
  const lineMaps = new Map<string, LineMap>();
  const locate = (file: string, start: number, end: number) => {
    let m = lineMaps.get(file);
    if (!m) lineMaps.set(file, (m = new LineMap(project.files.get(file)?.text ?? '')));
    return { file, ...m.loc(start, end) };
  };
  const kindOf = (file: string) => project.files.get(file)?.kind;
  const site = (op: CacheOp, withTtl: boolean): KeySite => ({
    ...locate(op.file, op.call.span.start, op.call.span.end),
    verb: op.verb,
    ...(op.via ? { via: op.via.label } : op.wrapper ? { via: op.wrapper } : {}),
    ...(withTtl ? { ttl: ttlOf(op) } : {}),
    ...(kindOf(op.file) ? { inTest: true } : {}),
  });
  const bySite = (a: KeySite, b: KeySite) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

  const models = [...project.model.keys.values()].filter((k) => k.readers.length + k.writers.length + k.deleters.length + k.expirers.length > 0);
  const shapes: { model: KeyModel; shape: KeyShape }[] = models.map((k) => {
    const writers = k.writers.map((o) => site(o, true)).sort(bySite);
    const expirers = k.expirers.map((o) => site(o, true)).sort(bySite);
    const ttls: KeyShape['ttls'] = [];
    for (const s of [...writers, ...expirers]) if (s.ttl !== undefined && !ttls.includes(s.ttl)) ttls.push(s.ttl);
    ttls.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : typeof a === 'number' ? -1 : typeof b === 'number' ? 1 : String(a).localeCompare(String(b))));
    const first = [...k.readers, ...k.writers, ...k.deleters, ...k.expirers][0];
    return {
      model: k,
      shape: {
        id: '',
        label: k.shape ?? opaqueLabel(k, first),
        ...(k.shape ? { shape: k.shape } : {}),
        entity: entityOf(k),
        role: k.role,
        summary: k.summary,
        // one line per reason (the first place it shows): ten reads saying "a miss loads from the database" say it once
        evidence: k.evidence
          .filter((e, i) => k.evidence.findIndex((x) => x.reason === e.reason && x.role === e.role) === i)
          .map((e) => ({ role: e.role, reason: e.reason, site: locate(e.file, e.span.start, e.span.end) })),
        ttls,
        readers: k.readers.map((o) => site(o, false)).sort(bySite),
        writers,
        deleters: k.deleters.map((o) => site(o, false)).sort(bySite),
        expirers,
        findings: [],
        drift: [],
      },
    };
  });
  shapes.sort((a, b) => a.shape.entity.localeCompare(b.shape.entity) || a.shape.label.localeCompare(b.shape.label));
  shapes.forEach((s, i) => (s.shape.id = `k${i + 1}`));

  // findings belong to the key whose call they sit on; a key-drift's related sites name the other key
  const byCall = new Map<string, { file: string; start: number; end: number; shape: KeyShape }[]>();
  for (const { model, shape } of shapes)
    for (const op of [...model.readers, ...model.writers, ...model.deleters, ...model.expirers, ...model.others]) {
      const list = byCall.get(op.file) ?? [];
      list.push({ file: op.file, start: op.call.span.start, end: op.call.span.end, shape });
      byCall.set(op.file, list);
    }
  const keyAt = (file: string, start: number, end: number): KeyShape | undefined => {
    const hits = (byCall.get(file) ?? []).filter((c) => c.start <= end && start <= c.end);
    // the innermost call: the client call inside a wrapper's line, not the statement around it
    hits.sort((a, b) => a.end - a.start - (b.end - b.start));
    return hits[0]?.shape;
  };
  for (const f of findings) {
    if (!f.ruleId) continue;
    const key = keyAt(f.file, f.span.start, f.span.end);
    if (!key) continue;
    key.findings.push({ ruleId: f.ruleId, message: f.message, severity: f.severity, site: locate(f.file, f.span.start, f.span.end) });
    if (f.ruleId !== 'key-drift') continue;
    for (const r of f.related) {
      const other = keyAt(r.file, r.span.start, r.span.end);
      if (!other || other === key) continue;
      if (!key.drift.includes(other.id)) key.drift.push(other.id);
      if (!other.drift.includes(key.id)) other.drift.push(key.id);
    }
  }
  return { keys: shapes.map((s) => s.shape) };
}

/** A key with nothing literal: the expression it is built from and where (`‹key› in cache.service.ts`). */
function opaqueLabel(k: KeyModel, op: CacheOp | undefined): string {
  let file = op?.file ?? '';
  let text = '';
  if (k.id.startsWith('\0wrapper:')) {
    const rest = k.id.slice('\0wrapper:'.length);
    file = op?.via?.file ?? (op?.forwarded ? op.file : file);
    text = rest.startsWith(`${file}:`) ? rest.slice(file.length + 1) : rest.slice(rest.lastIndexOf(':') + 1);
  } else if (k.id.startsWith('\0const:')) {
    text = k.id.slice('\0const:'.length);
  } else if (k.id.startsWith('\0local:')) {
    const m = /^(.*?)#\d+:([^]*)$/.exec(k.id.slice('\0local:'.length));
    if (m) [file, text] = [m[1], m[2]];
  }
  text = text.replace(/\s+/g, ' ');
  if (text.length > 40) text = `${text.slice(0, 39)}…`;
  const base = file.split(/[\\/]/).pop() || 'its file';
  return `‹${text || 'key'}› in ${base}`;
}

/** The same map with paths relative to `root` (the CLI's output, the HTML page). */
export function relativiseKeyMap(map: KeyMap, root: string): KeyMap {
  const rel = (file: string) => {
    const r = relative(root, file);
    return (r.startsWith('..') ? file : r).split(sep).join('/');
  };
  const fix = <T extends { file: string }>(s: T): T => ({ ...s, file: rel(s.file) });
  return {
    keys: map.keys.map((k) => ({
      ...k,
      evidence: k.evidence.map((e) => ({ ...e, site: fix(e.site) })),
      readers: k.readers.map(fix),
      writers: k.writers.map(fix),
      deleters: k.deleters.map(fix),
      expirers: k.expirers.map(fix),
      findings: k.findings.map((f) => ({ ...f, site: fix(f.site) })),
    })),
  };
}
