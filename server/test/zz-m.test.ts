import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import '../src/facts/index';
import { Analyzer } from '../src/engine/run';
import { defaultConfig } from '../src/config';
const F = '/tmp/cachelint-corpus/Mydico+MydicoCRM@f09e47f/server/src/service/order.service.ts';
it('dbg', () => {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  a.setFile(F, readFileSync(F, 'utf8'));
  const p = a.project();
  const facts = a.factsOf(F)!;
  for (const o of p.files.get(F)!.ops) if (o.key?.shape?.startsWith('orderId')) console.log('OP', o.verb, o.kind, 'fill', p.model.isFill(o), 'fn', facts.fns[o.call.fn - 1]?.name, JSON.stringify(o.valueEntities), p.model.roleOf(o));
  for (const w of facts.dbWrites) if (w.entity === 'order') console.log('W', w.kind, w.label, facts.fns[w.fn - 1]?.name, w.span.start);
});
