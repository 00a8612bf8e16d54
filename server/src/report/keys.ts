// `cachelint keys` as text: one block per key shape, grouped by entity, each site on a line of its
// own as `path:line:column` (terminals and editors open those). JSON is the KeyMap itself.
import type { KeyMap, KeyShape, KeySite } from '../engine/key-map';

export function ttlText(t: KeyShape['ttls'][number]): string {
  if (typeof t !== 'number') return t === 'none' ? 'none' : 'not literal';
  if (t % 86400 === 0) return `${t / 86400} d`;
  if (t % 3600 === 0) return `${t / 3600} h`;
  if (t % 60 === 0) return `${t / 60} min`;
  return `${t} s`;
}

export function roleText(k: KeyShape): string {
  return k.role === 'cache' ? 'cache' : k.role === 'not-cache' ? 'not a cache' : 'role unknown';
}

export function siteText(s: Pick<KeySite, 'file' | 'line' | 'column'>): string {
  return `${s.file}:${s.line}:${s.column}`;
}

function siteLine(s: KeySite): string {
  const extra = [s.verb, s.via ? `via ${s.via}` : '', s.ttl !== undefined ? `TTL ${ttlText(s.ttl)}` : '', s.inTest ? 'test/script' : ''].filter(Boolean);
  return `${siteText(s)}  ${extra.join(', ')}`;
}

export function formatKeysText(map: KeyMap): string {
  if (map.keys.length === 0) return 'No cache keys found.\n';
  const out: string[] = [];
  const byId = new Map(map.keys.map((k) => [k.id, k]));
  let entity: string | undefined;
  for (const k of map.keys) {
    if (k.entity !== entity) {
      entity = k.entity;
      out.push(`${out.length ? '\n' : ''}== ${entity} ==`);
    }
    out.push('');
    out.push(`${k.label}  [${roleText(k)}]${k.ttls.length ? `  TTL: ${k.ttls.map(ttlText).join(', ')}` : ''}`);
    if (k.summary) out.push(`  ${k.summary}`);
    for (const e of k.evidence.slice(0, 3)) out.push(`    evidence: ${e.reason} (${siteText(e.site)})`);
    if (k.evidence.length > 3) out.push(`    evidence: and ${k.evidence.length - 3} more`);
    for (const [name, list] of [
      ['readers', k.readers],
      ['writers', k.writers],
      ['deleters', k.deleters],
      ['expirers', k.expirers],
    ] as const) {
      if (list.length === 0) continue;
      out.push(`  ${name} (${list.length}):`);
      for (const s of list) out.push(`    ${siteLine(s)}`);
    }
    if (k.findings.length > 0) {
      out.push(`  findings (${k.findings.length}):`);
      for (const f of k.findings) out.push(`    ${siteText(f.site)}  ${f.severity}  ${f.message}  ${f.ruleId}`);
    }
    if (k.drift.length > 0) out.push(`  drifts from: ${k.drift.map((id) => byId.get(id)?.label ?? id).join(', ')}`);
  }
  const findings = map.keys.reduce((s, k) => s + k.findings.length, 0);
  out.push('', `${map.keys.length} key shape${map.keys.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'} on them`);
  return `${out.join('\n')}\n`;
}
