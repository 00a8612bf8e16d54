// Names that stand for "nothing", without the compiler: the linker (model/ops.ts, in the CLI's own
// bundle, which must not load TypeScript) asks this of sentinel constants imported from elsewhere.

/** A constant named for "nothing": `NOT_FOUND`, `CACHE_MISS_MARKER`, `NONE_SENTINEL`, `MODEL_NOT_FOUND`. */
const NAMED_CONSTANT = /^[A-Z0-9_]*(NOT_FOUND|NONE|MISSING|NULL|EMPTY|ABSENT|NO_RESULT|MISS)[A-Z0-9_]*$/;

export function isSentinelName(name: string): boolean {
  return NAMED_CONSTANT.test(name);
}
