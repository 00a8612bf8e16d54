// `cachelint keys --format html`: one self-contained page a reviewer opens from a CI artifact or a
// pull request: no script, no font, no request to any server. Key shapes grouped by entity, each a
// card with its role, TTLs, sites and findings; shapes that drift from each other link to each other.
import type { Coverage } from '../engine/coverage';
import type { KeyMap, KeyShape, KeySite } from '../engine/key-map';
import { coverageLines } from './coverage';
import { roleText, siteText, ttlText } from './keys';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1c2733;background:#f5f7fa}
header{background:#12324a;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:20px}
header p{margin:0;opacity:.85}main{padding:16px 24px;max-width:1100px}
nav{margin:8px 0 16px}nav a{margin-right:12px;color:#12324a}
h2{margin:24px 0 8px;font-size:16px;text-transform:uppercase;letter-spacing:.04em;color:#4a5a6a}
.key{background:#fff;border:1px solid #d8dee6;border-radius:6px;padding:10px 14px;margin:8px 0}
.key:target{outline:3px solid #f0a020}
.key h3{margin:0;font:600 15px ui-monospace,SFMono-Regular,Menlo,monospace}
.role{display:inline-block;font:12px system-ui,sans-serif;padding:1px 8px;border-radius:10px;margin-left:8px;vertical-align:middle}
.cache{background:#dff3e4;color:#1d6b34}.not-cache{background:#e8e8f5;color:#3d3d8f}.unknown{background:#eee;color:#555}
.meta{color:#4a5a6a;margin:2px 0 6px}table{border-collapse:collapse;width:100%}
td{padding:2px 8px 2px 0;vertical-align:top}td.kind{width:80px;color:#4a5a6a}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace}
.finding{color:#8a4b00}.finding.error{color:#b00020}.drift a{color:#b00020}
ul.coverage{margin:8px 0 0;padding-left:18px}
`;

function siteCell(s: KeySite): string {
  const extra = [s.verb, s.via ? `via ${s.via}` : '', s.ttl !== undefined ? `TTL ${ttlText(s.ttl)}` : '', s.inTest ? 'test/script' : ''].filter(Boolean).join(', ');
  return `<code>${esc(siteText(s))}</code> <span class="meta">${esc(extra)}</span>`;
}

function card(k: KeyShape, byId: Map<string, KeyShape>): string {
  const rows: string[] = [];
  for (const [name, list] of [
    ['reads', k.readers],
    ['writes', k.writers],
    ['deletes', k.deleters],
    ['expires', k.expirers],
  ] as const)
    list.forEach((s, i) => rows.push(`<tr><td class="kind">${i === 0 ? `${name} (${list.length})` : ''}</td><td>${siteCell(s)}</td></tr>`));
  const findings = k.findings
    .map((f) => `<li class="finding ${f.severity}"><code>${esc(siteText(f.site))}</code> ${esc(f.message)} <em>(${esc(f.ruleId)})</em></li>`)
    .join('');
  const drift = k.drift.map((id) => `<a href="#${id}"><code>${esc(byId.get(id)?.label ?? id)}</code></a>`).join(', ');
  const evidence = k.evidence
    .slice(0, 4)
    .map((e) => `${esc(e.reason)} (<code>${esc(siteText(e.site))}</code>)`)
    .join('; ');
  return `<section class="key" id="${k.id}">
<h3>${esc(k.label)}<span class="role ${k.role}">${esc(roleText(k))}</span></h3>
<div class="meta">${esc(k.summary)}${k.ttls.length ? ` · TTL: ${esc(k.ttls.map(ttlText).join(', '))}` : ''}</div>
${evidence ? `<div class="meta">Evidence: ${evidence}</div>` : ''}
<table>${rows.join('')}</table>
${findings ? `<ul>${findings}</ul>` : ''}
${drift ? `<div class="drift">Drifts from: ${drift}</div>` : ''}
</section>`;
}

export function formatKeysHtml(map: KeyMap, opts: { title: string; version: string; coverage?: Coverage }): string {
  const byId = new Map(map.keys.map((k) => [k.id, k]));
  const entities = [...new Set(map.keys.map((k) => k.entity))];
  const findings = map.keys.reduce((s, k) => s + k.findings.length, 0);
  const body = entities
    .map((e) => `<h2 id="entity-${esc(e)}">${esc(e)}</h2>\n${map.keys.filter((k) => k.entity === e).map((k) => card(k, byId)).join('\n')}`)
    .join('\n');
  const coverage = opts.coverage ? `<ul class="coverage">${coverageLines(opts.coverage).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Cache keys · ${esc(opts.title)}</title><style>${CSS}</style></head>
<body><header><h1>Cache keys of ${esc(opts.title)}</h1>
<p>${map.keys.length} key shapes, ${findings} findings on them · cachelint ${esc(opts.version)}</p></header>
<main>${coverage}
<nav>${entities.map((e) => `<a href="#entity-${esc(e)}">${esc(e)}</a>`).join('')}</nav>
${body || '<p>No cache keys found.</p>'}
</main></body></html>
`;
}
