// Types of generate.mjs, for the smoke test (bench/bench.test.ts).
export interface PlantedFinding {
  rule: string;
  /** relative to the workspace, with `/` */
  file: string;
  /** 1-based */
  line: number;
}

export interface Expected {
  generator: number;
  /** only for a non-default profile */
  profile?: 'cache-heavy';
  seed: number;
  files: number;
  lines: number;
  cacheFiles: number;
  counts: Record<string, number>;
  findings: PlantedFinding[];
  lsp: {
    bigFile: string;
    bigFileLines: number;
    keysFile: string;
    keysLine: number;
    keysColumn: number;
    keysFrom: string;
    keysTo: string;
    dependentFile: string;
    dependentLine: number;
  };
  touchFile: string;
}

export const GENERATOR_VERSION: number;
export const RULES: string[];
export const MIN_FILES: number;
export const PROFILES: string[];
export function generate(dir: string, opts?: { files?: number; seed?: number; profile?: 'default' | 'cache-heavy' }): Expected;
