import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { it } from 'vitest';
import { LspClient, uriOf } from './e2e/lsp-client';
for (const mode of ['push', 'pull'])
it('scratch ' + mode, async () => {
const ws = mkdtempSync(join(tmpdir(), 'cl-'));
mkdirSync(join(ws, 'src'));
const a = "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f(v: string) { await redis.set('user:1', v); }\n";
writeFileSync(join(ws, 'src/a.ts'), a);
const c = await LspClient.start({ serverJs: '/work/main/dist/server.js', folders: [ws], pull: mode === 'pull' });
const uri = uriOf(join(ws, 'src/a.ts'));
await c.open(uri, a);
if (mode !== 'pull') await c.until(() => (c.published.get(uri)?.length ?? 0) > 0, 'diags');
const d = await c.diagnostics(uri);
console.log(JSON.stringify(d, null, 1));
const acts = await c.codeActions(uri, d[0].range);
console.log(JSON.stringify(acts, null, 1).slice(0, 3000));
console.log(c.logs, c.registrations.map(r => r.method));
console.log('exit', await c.stop());
});
