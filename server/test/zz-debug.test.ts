import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import '../src/facts/index';
import { Analyzer } from '../src/engine/run';
import { defaultConfig } from '../src/config';
it('debug', () => {
  const root = '/tmp/r34a/BidingCC+BuildingAI/packages/api/src/';
  const a = new Analyzer({ configFor: () => defaultConfig() });
  const fs = ['common/modules/auth/services/role-permission.service.ts', 'modules/user/services/user.service.ts'];
  for (const f of fs) a.setFile(root + f, readFileSync(root + f, 'utf8'));
  const p = a.project();
  for (const op of p.files.get(root + fs[0])!.ops) if (op.key?.shape?.startsWith('user_roles')) console.log('OP', op.kind, op.key?.shape, JSON.stringify(op.valueHolds), JSON.stringify(op.valueEntities), op.valueSrc);
  for (const w of a.factsOf(root + fs[1])!.dbWrites) if (w.span.start > 0) console.log('W', w.label, w.kind, w.entity, JSON.stringify(w.fields));
});
