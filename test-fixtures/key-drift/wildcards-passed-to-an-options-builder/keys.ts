// One builder per key kind, taking an options object.
const buildScopedKey = ({ kind, env, id }: { kind: string; env: string; id: string }): string => `${kind}:env=${env}:${id}`;

export const buildLimitKey = ({ environmentId, category }: { environmentId: string; category: string }): string =>
  buildScopedKey({ kind: 'limit', env: environmentId, id: category });
