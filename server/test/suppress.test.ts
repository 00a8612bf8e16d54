import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/engine/edits';
import { applySuppressions } from '../src/engine/suppress';
import { collectSuppressions, parseDirective } from '../src/facts/suppressions';
import type { FileFacts } from '../src/facts/types';
import type { Finding, LinkedFile, RuleId } from '../src/rule';

/** Line (0-based) of the first occurrence of `needle`. */
function lineOfText(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length - 1;
}

describe('collectSuppressions', () => {
  it('reads next-line and line directives with their target lines', () => {
    const text = [
      'const a = 1;',
      '// cachelint-disable-next-line missing-ttl',
      'await redis.set(k, v);',
      'await redis.set(k, v); // cachelint-disable-line key-drift',
    ].join('\n');
    const s = collectSuppressions(text);
    expect(s).toHaveLength(2);
    expect(s[0]).toMatchObject({ kind: 'next-line', rules: ['missing-ttl'], line: 2 });
    expect(s[1]).toMatchObject({ kind: 'line', rules: ['key-drift'], line: 3 });
    expect(text.slice(s[0].span.start, s[0].span.end)).toBe('// cachelint-disable-next-line missing-ttl');
    expect(text.slice(s[1].span.start, s[1].span.end)).toBe('// cachelint-disable-line key-drift');
  });

  it('reads several rule ids and drops the `-- reason`', () => {
    const [s] = collectSuppressions('// cachelint-disable-next-line missing-ttl,  key-drift -- legacy cache, see #12\nx();');
    expect(s.rules).toEqual(['missing-ttl', 'key-drift']);
    expect(s.line).toBe(1);
    expect(parseDirective('// cachelint-disable-next-line missing-ttl -- legacy')?.reason).toBe('legacy');
  });

  it('treats a block `cachelint-disable` anywhere as whole-file, with or without ids', () => {
    const text = 'x();\n/* cachelint-disable missing-ttl */\ny();\n/* cachelint-disable */';
    const s = collectSuppressions(text);
    expect(s.map((x) => [x.kind, x.rules, x.line])).toEqual([
      ['file', ['missing-ttl'], -1],
      ['file', [], -1],
    ]);
  });

  it('ignores a line-comment `cachelint-disable` (as ESLint ignores `// eslint-disable`) and look-alikes', () => {
    expect(collectSuppressions('// cachelint-disable missing-ttl\nx();')).toEqual([]);
    expect(collectSuppressions('// cachelint-disable-next-lines missing-ttl\nx();')).toEqual([]);
    expect(collectSuppressions('// see cachelint-disable-line docs\nx();')).toEqual([]);
  });

  it('reads the JSX form {/* cachelint-disable-next-line x */}', () => {
    const text = [
      'export const A = () => (',
      '  <div>',
      "    <p>Don't cache this</p>",
      '    {/* cachelint-disable-next-line missing-ttl */}',
      '    <Cached put={() => redis.set(k, v)} />',
      '  </div>',
      ');',
    ].join('\n');
    const s = collectSuppressions(text);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ kind: 'next-line', rules: ['missing-ttl'], line: 4 });
  });

  it('targets the line after the end of a multi-line block next-line comment', () => {
    const [s] = collectSuppressions('/* cachelint-disable-next-line missing-ttl\n   because */\nx();');
    expect(s.line).toBe(2);
  });

  it('only matches inside comments, not in strings, templates or regexes', () => {
    const text = [
      "const a = '// cachelint-disable-line missing-ttl';",
      'const b = "/* cachelint-disable */";',
      'const c = `${x} // cachelint-disable-next-line missing-ttl ${`/* cachelint-disable */`}`;',
      'const d = /\\/\\/ cachelint-disable-line x/;',
      'const e = 1 / 2; // cachelint-disable-line key-drift',
    ].join('\n');
    const s = collectSuppressions(text);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ kind: 'line', rules: ['key-drift'], line: 4 });
  });

  it('is not thrown off by a regex holding a quote or a comment-like sequence', () => {
    const text = "const r = /'[^']*'/g;\nconst s = x.replace(/\\/\\*/, '');\n// cachelint-disable-next-line missing-ttl\nf();";
    expect(collectSuppressions(text).map((x) => x.line)).toEqual([3]);
  });

  it('returns nothing, quickly, for files without the marker', () => {
    const big = 'const x = "a"; // comment\n'.repeat(50_000);
    const t0 = performance.now();
    expect(collectSuppressions(big)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(50);
  });
});

function linked(text: string): LinkedFile {
  // facts built by hand: only the suppressions matter here
  const facts: FileFacts = {
    file: '/p/a.ts', imports: [], exports: {}, locals: {}, classes: [], calls: [], dbWrites: [], dbReads: [],
    fns: [], wrappers: [], suppressions: collectSuppressions(text), parseErrors: [],
  };
  return { file: '/p/a.ts', text, facts, ops: [] };
}

function finding(text: string, needle: string, ruleId: RuleId, severity: Finding['severity'] = 'warning'): Finding {
  const start = text.indexOf(needle);
  return { ruleId, messageId: 'x', message: 'm', file: '/p/a.ts', span: { start, end: start + needle.length }, severity, related: [], suggestions: [] };
}

describe('applySuppressions', () => {
  it('drops findings on the suppressed line for the named rule only', () => {
    const text = "// cachelint-disable-next-line missing-ttl\nredis.set('a', v);\nredis.set('b', v);\n";
    const f1 = finding(text, "redis.set('a'", 'missing-ttl');
    const f2 = finding(text, "redis.set('a'", 'key-drift');
    const f3 = finding(text, "redis.set('b'", 'missing-ttl');
    const out = applySuppressions(linked(text), [f1, f2, f3]);
    expect(out).toEqual([f2, f3]);
  });

  it('a directive without ids silences every rule on its line; a file directive the whole file', () => {
    const text = "redis.set('a', v); // cachelint-disable-line\nredis.set('b', v);\n/* cachelint-disable key-drift */\n";
    const out = applySuppressions(linked(text), [
      finding(text, "redis.set('a'", 'missing-ttl'),
      finding(text, "redis.set('a'", 'key-drift'),
      finding(text, "redis.set('b'", 'key-drift'),
      finding(text, "redis.set('b'", 'missing-ttl'),
    ]);
    expect(out.map((f) => [f.ruleId, lineOfText(text, text.slice(f.span.start, f.span.end))])).toEqual([['missing-ttl', 1]]);
  });

  it('reports an unused directive in ESLint words, with a safe fix removing the whole comment line', () => {
    const text = "const a = 1;\n  // cachelint-disable-next-line missing-ttl -- old\nredis.set('a', v);\n";
    const out = applySuppressions(linked(text), []);
    expect(out).toHaveLength(1);
    const u = out[0];
    expect(u).toMatchObject({ ruleId: null, severity: 'warning', messageId: 'unusedSuppression' });
    expect(u.message).toBe("Unused cachelint-disable directive (no problems were reported from 'missing-ttl').");
    expect(u.fix?.kind).toBe('safe');
    expect(applyEdits(text, u.fix!.edits)).toBe("const a = 1;\nredis.set('a', v);\n");
  });

  it('removes a trailing directive with the spaces before it', () => {
    const text = "redis.set('a', v);   // cachelint-disable-line missing-ttl\nx();\n";
    const [u] = applySuppressions(linked(text), []);
    expect(applyEdits(text, u.fix!.edits)).toBe("redis.set('a', v);\nx();\n");
  });

  it('removes only the unused ids when some ids were used', () => {
    const text = "// cachelint-disable-next-line missing-ttl, key-drift, set-after-commit\nredis.set('a', v);\n";
    const used = finding(text, "redis.set('a'", 'key-drift');
    const out = applySuppressions(linked(text), [used]);
    expect(out).toHaveLength(1);
    expect(out[0].message).toBe("Unused cachelint-disable directive (no problems were reported from 'missing-ttl' or 'set-after-commit').");
    expect(applyEdits(text, out[0].fix!.edits)).toBe("// cachelint-disable-next-line key-drift\nredis.set('a', v);\n");
  });

  it('judges only rules that ran (`only`) and never unknown ids', () => {
    const text = '// cachelint-disable-next-line key-drift, not-a-rule\nx();\n// cachelint-disable-line\n';
    expect(applySuppressions(linked(text), [], ['missing-ttl'])).toEqual([]);
    const all = applySuppressions(linked(text), []);
    expect(all.map((f) => f.message)).toEqual([
      "Unused cachelint-disable directive (no problems were reported from 'key-drift').",
      'Unused cachelint-disable directive (no problems were reported).',
    ]);
  });

  it('removes the braces of an unused JSX directive', () => {
    const text = '<div>\n  {/* cachelint-disable-next-line missing-ttl */}\n  <p />\n</div>\n';
    const [u] = applySuppressions(linked(text), []);
    expect(applyEdits(text, u.fix!.edits)).toBe('<div>\n  <p />\n</div>\n');
  });

  it('keeps findings without a rule id (parse-level) untouched', () => {
    const text = '/* cachelint-disable */\nx();\n';
    const f: Finding = { ...finding(text, 'x()', 'missing-ttl'), ruleId: null };
    expect(applySuppressions(linked(text), [f])).toContain(f);
  });
});
