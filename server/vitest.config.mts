import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Ends the run with a plain `N passed, N failed, N skipped` line that CI counts. */
const summary = {
  onTestRunEnd(modules: ReadonlyArray<{ children: { allTests(): Iterable<{ result(): { state: string } }> } }>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules)
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++;
      }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  },
};

export default defineConfig({
  // the repository root: tests and fixtures are addressed from there
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['server/test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // two cores: at most two test files at once
    maxWorkers: 2,
    reporters: ['default', summary],
  },
});
