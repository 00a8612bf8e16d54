// The bundled sample app (what `npm run demo` shows) is a fixture too: each defect cachelint finds is
// annotated on its line, and nothing else may fire anywhere in it.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/rule';
import { analyse, expectedKeys, findingKeys, readCase } from './harness';

const APP = path.resolve(__dirname, '../../test-fixtures/sample-app');

describe('sample app', () => {
  const sources = readCase(path.join(APP, 'src'));
  it('reports exactly the annotated defects', () => {
    const results = analyse(sources);
    expect(findingKeys(results, sources)).toEqual(expectedKeys(sources).expected);
  });
  it('contains a defect of every rule', () => {
    const { expected } = expectedKeys(sources);
    for (const id of RULE_IDS) expect(expected.some((k) => k.endsWith(' ' + id)), id).toBe(true);
  });
});
