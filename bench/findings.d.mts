// Types of findings.mjs, for the smoke test (bench/bench.test.ts).
import type { PlantedFinding } from './generate.mjs';

export function findingsOf(json: string, root: string): PlantedFinding[];
export function sortFindings(list: readonly PlantedFinding[]): PlantedFinding[];
export function diffFindings(expected: readonly PlantedFinding[], actual: readonly PlantedFinding[]): { missing: string[]; extra: string[] };
export function countByRule(list: readonly PlantedFinding[], rules: readonly string[]): Record<string, number>;
