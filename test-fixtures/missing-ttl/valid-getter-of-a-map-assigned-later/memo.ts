// valid: the value assigned later is an in-process Map, so its getter returns no cache client
let memo: Map<string, string> | null = null;
if (process.env.MEMO !== 'off') memo = new Map();

export function getMemo() {
  return memo;
}
