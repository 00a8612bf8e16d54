// The rule registry: explicit imports, one entry per rule id (typescript-eslint's rules/index.ts).
import type { Rule, RuleId } from '../rule';
import { invalidateBeforeCommit } from './invalidate-before-commit';
import { keyDrift } from './key-drift';
import { missingInvalidation } from './missing-invalidation';
import { missingTtl } from './missing-ttl';
import { negativeCacheOnCreate } from './negative-cache-on-create';
import { setAfterCommit } from './set-after-commit';
import { writeFromCache } from './write-from-cache';

export const rules = {
  'set-after-commit': setAfterCommit,
  'missing-ttl': missingTtl,
  'key-drift': keyDrift,
  'negative-cache-on-create': negativeCacheOnCreate,
  'missing-invalidation': missingInvalidation,
  'invalidate-before-commit': invalidateBeforeCommit,
  'write-from-cache': writeFromCache,
} satisfies Record<RuleId, Rule<string>>;
