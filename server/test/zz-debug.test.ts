import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import '../src/facts/index';
import { Analyzer } from '../src/engine/run';
import { defaultConfig } from '../src/config';
it('debug', () => {
  const root = '/tmp/r34d/MostafaMemari+gym-management-nestjs/auth-user/src/modules/';
  const a = new Analyzer({ configFor: () => defaultConfig() });
  for (const f of ['prisma/prisma.service.ts', 'cache/cache.service.ts', 'user/user.repository.ts']) a.setFile(root + f, readFileSync(root + f, 'utf8'));
  const p = a.project();
  const f = root + 'prisma/prisma.service.ts';
  console.log('HOOKS', JSON.stringify(a.factsOf(f)!.fns.filter((x) => x.hook).map((x) => [x.id, x.hook])));
  for (const op of p.files.get(f)!.ops) console.log('OP', op.kind, op.verb, op.key?.shape, op.call.fn, op.wrapper);
  for (const c of a.factsOf(f)!.calls) console.log('CALL', c.method, c.fn, c.receiver.t, c.key?.text);
});
