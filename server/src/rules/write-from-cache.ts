// write-from-cache: a database write whose data was read from the cache in the same flow; a stale
// entry's fields get committed. Docs: docs/rules/write-from-cache.md
import { shapeNamesEntity } from '../facts/keys/shapes';
import type { DbWrite } from '../facts/types';
import { MARKER_WORDS, SCRATCH_WORDS, STATE_WORDS } from '../model/roles';
import type { CacheOp, LinkedFile, ProjectIndex, Related, Rule } from '../rule';
import { keyLabel, viaRelated } from './util';

/** Words of requests and drafts staged in Redis until a confirmation commits them. */
const STAGING_WORDS = /(^|[^a-z])(request|requests|pending|invite|invites|invitation|confirm|confirmation|reset|draft|drafts|change|staged|signup|onboarding|wizard|upload|uploads)([^a-z]|$)/i;

/** Libraries that are caches by nature. */
const CACHE_LIBS = new Set(['cache-manager', 'keyv', 'lru-cache', 'node-cache']);

/**
 * Whether the read is of a cache whose entries may be stale copies of rows: a key with the cache
 * role, or one no use contradicts that holds copies of rows (filled from the database, in a cache
 * library or a project cache service, or named for the entity the write updates). Sessions, tokens,
 * locks, counters, queues, job state and Redis kept as the primary store (a cart, a draft) are not.
 */
function cacheLike(project: ProjectIndex, file: LinkedFile, op: CacheOp, w: DbWrite): boolean {
  const model = project.model;
  const key = model.keyOf(op);
  const ops = key ? [...key.readers, ...key.writers, ...key.deleters, ...key.expirers, ...key.others] : [op];
  if (ops.some((o) => o.use)) return false;
  const shape = op.key?.shape ?? key?.shape;
  if (shape && (STATE_WORDS.test(shape) || MARKER_WORDS.test(shape) || SCRATCH_WORDS.test(shape))) return false;
  const role = model.roleOf(op);
  if (role === 'cache') return true;
  // a replica (rows kept in Redis, read as they are) is a copy of rows as well; markers and job state are not
  if (role === 'not-cache' && key?.kind !== 'replica') return false;
  if (shape && STAGING_WORDS.test(shape)) return false;
  if (key?.writers.some((x) => x.valueSrc === 'db' || x.valueSrc === 'http')) return true;
  // written only with what requests hand in (`email-change-request:user:{}` holding the new email):
  // Redis is where that data lives until it is committed, not a copy of a row
  if (key && key.writers.length > 0) return false;
  if (CACHE_LIBS.has(op.lib)) return true;
  // Pattern: this.cacheService.get(k) / this.cache.get(k) — the project says it is a cache
  const receiver = file.text.slice(op.call.receiverSpan.start, op.call.receiverSpan.end);
  if (/cache/i.test(op.via?.label ?? '') || /cache/i.test(receiver)) return true;
  // Pattern: JSON.parse(await redis.get(`user:${id}`)) … prisma.user.update(…) — a copy of the row it updates
  return w.kind === 'update' && !!w.entity && !!shape && shapeNamesEntity(shape, w.entity);
}

export const writeFromCache: Rule<'fromCache'> = {
  meta: {
    id: 'write-from-cache',
    description: 'Disallow database writes whose data was read from the cache.',
    severity: 'warning',
    fix: 'none',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      fromCache: '{{label}} writes back data read from the cache under {{key}}.',
    },
    help: 'Build the payload from the database row (read it in the same transaction) or from the validated request, never from the cached copy.',
  },
  checkProject(project, ctx) {
    for (const w of project.dbWrites) {
      if (!w.fromCalls || !ctx.wants(w.file)) continue;
      const file = project.files.get(w.file);
      // tests, migrations and seeds are not report sites
      if (!file || file.kind) continue;
      const from = new Set(w.fromCalls);
      const read = file.ops.find((op) => op.kind === 'read' && from.has(op.call.id) && !op.forwarded && cacheLike(project, file, op, w));
      if (!read) continue;
      const key = project.model.keyOf(read);
      const related: Related[] = [
        { file: read.file, span: read.call.span, message: `The written data is read from the cache here (${key?.summary ?? 'a cache read'}).` },
        ...viaRelated(project, read, `${read.via?.label ?? 'The wrapper'} reads the cache here.`),
      ];
      ctx.report({
        file: w.file,
        span: w.span,
        messageId: 'fromCache',
        data: { label: w.label, key: keyLabel(read) },
        related,
      });
    }
  },
};
