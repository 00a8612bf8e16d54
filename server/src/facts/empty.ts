// The facts of a file before anything is collected (also what a file that could not be analysed has).
import type { FileFacts } from './types';

export function emptyFacts(file: string): FileFacts {
  return {
    file,
    imports: [],
    exports: {},
    locals: {},
    classes: [],
    calls: [],
    dbWrites: [],
    dbReads: [],
    txs: [],
    fns: [],
    wrappers: [],
    suppressions: [],
    parseErrors: [],
  };
}
