// Files that are not the product: tests, one-off scripts (migrations, seeds) and examples. A test
// writes garbage on purpose, a seed script fills keys once and an example shows how a module could
// be used (`orders.service.cache-example.ts`, nothing imports it); none is a place a finding belongs, and
// their keys count neither as reads nor as writes of the project's cache (issue: "Files that are
// not the product"). Folder names count only below the project root, so a checkout that happens
// to live under `/home/me/test/` is not all tests.

export type FileKind = 'test' | 'script' | 'example';

/** File names that are tests or scripts wherever they are. */
const TEST_NAME = /\.(test|spec|e2e-spec|e2e|integration|cy|stories)\.[cm]?[jt]sx?$/i;
/** Test support wherever it is: `test-utils.ts`, `testHelpers.js`, `setupTests.ts`, `jest.setup.ts`, `redis.mock.ts`. */
const TEST_SUPPORT = /^(test|testing)[-_.]?(utils?|helpers?|setup|support|fixtures?|factories|data)\.[cm]?[jt]sx?$|^setup-?tests?\.[cm]?[jt]sx?$|^(jest|vitest)\.setup\.[cm]?[jt]sx?$|\.mocks?\.[cm]?[jt]sx?$/i;
const SCRIPT_NAME = /\.(seed|seeder|migration|backfill)\.[cm]?[jt]sx?$|^(seed|seeds)\.[cm]?[jt]sx?$|^backfill[-_.]|^(migrate|seed|populate)[-_]/i;
/** `seedAdmin.js`, `migrateUsers.ts`: a one-off script named in camelCase (case-sensitive: `seeding.service.ts` is product code). */
const SCRIPT_CAMEL = /^(seed|migrate|populate|backfill)[A-Z]\w*\.[cm]?[jt]sx?$/;
/** Folder names, below the project root. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'e2e', 'spec', 'specs', 'cypress', 'playwright', '__fixtures__', 'testing']);
// a backfill is a data migration run once (`jobs/backfill/backfill-airdrops.ts`): its cursors are no caches
/** A folder of one migration's steps: `messaging-migration/up-sqlite.ts`, `user_migrations/`. */
const MIGRATION_DIR = /[-_]migrations?$/;
/** `orders.service.cache-example.ts`, `cache.example.ts`, `redis-examples.js`, `examples/` */
const EXAMPLE_NAME = /[-_.]examples?\.[cm]?[jt]sx?$/i;
/** Folders of examples: outside a source folder (`src/examples/` is a product module about examples). */
const EXAMPLE_DIRS = new Set(['example', 'examples']);
const SOURCE_DIRS = new Set(['src', 'app', 'lib', 'server']);
const SCRIPT_DIRS = new Set(['scripts', 'script', 'migrations', 'migration', 'seeds', 'seed', 'seeders', 'seeding', 'backfill', 'backfills']);

/**
 * What kind of file `rel` is (a path relative to its project root, `/`-separated), or undefined for
 * product code. `rel` may also be a bare file name when no root is known: then only names count.
 */
export function fileKindOf(rel: string): FileKind | undefined {
  const parts = rel.split(/[\\/]/);
  const name = parts[parts.length - 1];
  if (TEST_NAME.test(name) || TEST_SUPPORT.test(name)) return 'test';
  if (SCRIPT_NAME.test(name) || SCRIPT_CAMEL.test(name)) return 'script';
  if (EXAMPLE_NAME.test(name)) return 'example';
  // Prisma's own folder beside the project's package.json (schema, migrations, seed and one-off run
  // scripts): never where the application's code lives (a Nest PrismaService sits in `src/prisma/`)
  if (parts.length > 1 && parts[0] === 'prisma') return 'script';
  let inSource = false;
  for (let i = 0; i < parts.length - 1; i++) {
    const dir = parts[i].toLowerCase();
    inSource ||= SOURCE_DIRS.has(dir);
    if (TEST_DIRS.has(dir)) return 'test';
    if (SCRIPT_DIRS.has(dir) || MIGRATION_DIR.test(dir)) return 'script';
    if (EXAMPLE_DIRS.has(dir) && !inSource) return 'example';
  }
  return undefined;
}
