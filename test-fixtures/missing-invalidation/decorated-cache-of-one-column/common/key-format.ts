// Fills `{name}` placeholders of a key template from the decorated method's arguments, by the
// method's parameter names (null when one is missing).
function paramNames(func: (...args: unknown[]) => unknown): string[] {
  const s = func.toString();
  return s.slice(s.indexOf('(') + 1, s.indexOf(')')).match(/([^\s,]+)/g) ?? [];
}

export function paramsKeyFormat(func: (...args: unknown[]) => unknown, formatKey: string, args: unknown[]): string | null {
  const values: Record<string, unknown> = {};
  paramNames(func).forEach((name, i) => (values[name] = args[i]));
  let missing = false;
  const key = formatKey.replace(/\{([^}]+)\}/g, (_word, name: string) => {
    const v = name.split('.').reduce<any>((o, k) => o?.[k], values);
    if (v === undefined || v === null) missing = true;
    return String(v);
  });
  return missing ? null : key;
}
