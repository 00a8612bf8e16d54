// Names that stand for "nothing", without the compiler: the linker (model/ops.ts, in the CLI's own
// bundle, which must not load TypeScript) asks this of sentinel constants imported from elsewhere.

/** A constant named for "nothing": `NOT_FOUND`, `CACHE_MISS_MARKER`, `NONE_SENTINEL`, `MODEL_NOT_FOUND`. */
const NAMED_CONSTANT = /^[A-Z0-9_]*(NOT_FOUND|NONE|MISSING|NULL|EMPTY|ABSENT|NO_RESULT|MISS)[A-Z0-9_]*$/;

export function isSentinelName(name: string): boolean {
  return NAMED_CONSTANT.test(name);
}

/** A row's state flag (`active`, `isBlocked`, `status`): its `false` is a state, never "not found". */
const STATE_FLAG = /^(is|has)?_?(active|inactive|enabled|disabled|status|state|blocked|banned|locked|verified|approved|suspended|deleted|archived|published|visible|hidden|public|private|paused|muted|confirmed)$/i;

export function isStateName(name: string): boolean {
  return STATE_FLAG.test(name);
}
