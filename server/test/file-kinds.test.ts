import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../src/model/file-kinds';

describe('files that are not the product', () => {
  it.each([
    ['src/users/users.service.spec.ts', 'test'],
    ['test/helpers.ts', 'test'],
    // test support beside the code it tests
    ['lib/cms/test-utils.ts', 'test'],
    ['src/testHelpers.js', 'test'],
    ['src/setupTests.ts', 'test'],
    ['jest.setup.ts', 'test'],
    ['src/cache/redis.mock.ts', 'test'],
    ['scripts/backfill.ts', 'script'],
    ['src/migrations/1700000000-add-index.ts', 'script'],
    ['jobs/backfill/backfill-airdrops.ts', 'script'],
    ['src/jobs/backfill-names.ts', 'script'],
    ['prisma/seed.ts', 'script'],
    ['prisma/run/delete-rec-med.ts', 'script'],
    // one-off scripts at the root of a JavaScript backend, named for what they do once
    ['migrate-add-contentformat.js', 'script'],
    ['seed-revshare.js', 'script'],
    ['populate-test-analytics.js', 'script'],
    ['backend/seedAdmin.js', 'script'],
    ['migrateUserRoles.ts', 'script'],
    // one migration's own folder
    ['modules/channel-web/src/messaging-migration/up-sqlite.ts', 'script'],
    // how a module could be used, imported by nothing
    ['src/modules/orders/orders.service.cache-example.ts', 'example'],
    ['src/cache/redis.example.ts', 'example'],
    ['examples/express-cache/server.js', 'example'],
  ])('%s is a %s', (rel, kind) => {
    expect(fileKindOf(rel)).toBe(kind);
  });

  it.each([
    // a Nest PrismaService lives in src/prisma/: product code
    'src/prisma/prisma.service.ts',
    'apps/api/src/prisma/prisma.module.ts',
    'src/users/users.service.ts',
    // a job that is no backfill, a file named after one that is not
    'src/jobs/refresh-collections.ts',
    'src/backfilled-totals.ts',
    // a service named for migrating or seeding something at run time
    'src/services/migration-runner.ts',
    'src/seeding.service.ts',
    'src/seedling.controller.ts',
    // a module about migrating something, not a migration
    'src/migration-status/status.service.ts',
    // a product module about examples (its own content), not an example of the code
    'src/examples/examples.service.ts',
    'apps/api/src/example/example.controller.ts',
    // named for tests, but product code: a test-runner service, a mock-data API of the product
    'src/test-runs/test-run.service.ts',
    'src/mock-server/handlers.ts',
    'src/testimonials/testimonials.service.ts',
    // a bare name: no folder to judge
    'prisma.ts',
  ])('%s is product code', (rel) => {
    expect(fileKindOf(rel)).toBeUndefined();
  });
});
