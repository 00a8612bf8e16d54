// Unit tests of the language server's pure mappers: Finding → Diagnostic, code actions (fixes,
// disable comments in TS and JSX, documentation, fix-all), stale versions, settings, positions.
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { collectSuppressions } from '../src/facts/suppressions';
import { codeActionsFor, fixAllEdits, FIX_ALL_KIND, kindWanted, SHOW_DOC_COMMAND, type ActionInput } from '../src/lsp/code-actions';
import { toDiagnostic, type DiagnosticData } from '../src/lsp/diagnostics';
import { commentContextAt, disableCommentEdit } from '../src/lsp/disable-comment';
import { LspText } from '../src/lsp/positions';
import { normalizeSettings, SettingsStore } from '../src/lsp/settings';
import { docUrl, type Finding, type Fix } from '../src/rule';

const URI = 'file:///ws/src/a.ts';

function finding(text: string, needle: string, over: Partial<Finding> = {}): Finding {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`no ${needle}`);
  return {
    ruleId: 'missing-ttl',
    messageId: 'noTtl',
    message: 'Cache write has no TTL.',
    file: '/ws/src/a.ts',
    span: { start, end: start + needle.length },
    severity: 'warning',
    related: [],
    suggestions: [],
    ...over,
  };
}

function replaceFix(text: string, needle: string, by: string, kind: Fix['kind'], title = `Use ${by}`): Fix {
  const start = text.indexOf(needle);
  return { title, kind, edits: [{ start, end: start + needle.length, text: by }] };
}

/** Applies LSP text edits (non-overlapping) to a text: what a client does with a WorkspaceEdit. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LspText(text);
  const offs = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of offs) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function editsOf(edit: WorkspaceEdit | undefined, uri = URI): { version: number | null | undefined; edits: TextEdit[] } {
  const dc = edit?.documentChanges?.[0];
  if (dc && 'textDocument' in dc) return { version: dc.textDocument.version, edits: dc.edits as TextEdit[] };
  return { version: undefined, edits: edit?.changes?.[uri] ?? [] };
}

function actions(text: string, findings: Finding[], over: Partial<ActionInput> = {}, file = '/ws/src/a.ts'): CodeAction[] {
  const lines = new LspText(text);
  const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, lines, { version: 7, textOf: () => undefined }));
  return codeActionsFor({
    uri: URI,
    file,
    version: 7,
    computed: { version: 7, text: lines, findings, diagnostics },
    range: { start: { line: 0, character: 0 }, end: { line: lines.lineCount, character: 0 } },
    documentChanges: true,
    ...over,
  });
}

describe('toDiagnostic', () => {
  const text = "import Redis from 'ioredis';\r\nconst s = 'a\u2028b';\r\nawait redis.set('user:1', v);\r\n";

  it('maps offsets to LSP lines (CRLF, U+2028 is not a line break in LSP)', () => {
    const d = toDiagnostic(finding(text, "redis.set('user:1', v)"), text, { version: 3, textOf: () => undefined });
    expect(d.range).toEqual({ start: { line: 2, character: 6 }, end: { line: 2, character: 28 } });
  });

  it('carries source, rule code, documentation link, severity and the fixes as data', () => {
    const fix = replaceFix(text, 'redis.set', 'redis.setex', 'safe');
    const sugg = replaceFix(text, 'redis.set', 'redis.del', 'suggestion');
    const d = toDiagnostic(finding(text, 'redis.set', { severity: 'error', fix, suggestions: [sugg] }), text, {
      version: 3,
      textOf: () => undefined,
    });
    expect(d.source).toBe('cachelint');
    expect(d.code).toBe('missing-ttl');
    expect(d.codeDescription?.href).toBe(docUrl('missing-ttl'));
    expect(d.severity).toBe(DiagnosticSeverity.Error);
    expect(d.data as DiagnosticData).toEqual({ ruleId: 'missing-ttl', version: 3, fix, suggestions: [sugg] });
    const w = toDiagnostic(finding(text, 'redis.set'), text, { version: 3, textOf: () => undefined });
    expect(w.severity).toBe(DiagnosticSeverity.Warning);
  });

  it('converts related locations of other files with their own text, and drops files it cannot read', () => {
    const other = 'line0\nline1\n  await cache.del(key);\n';
    const at = other.indexOf('cache.del');
    const f = finding(text, 'redis.set', {
      related: [
        { file: '/ws/src/b.ts', span: { start: at, end: at + 9 }, message: 'invalidated here' },
        { file: '/ws/src/gone.ts', span: { start: 0, end: 1 }, message: 'unknown' },
        { file: '/ws/src/a.ts', span: { start: 0, end: 6 }, message: 'same file' },
      ],
    });
    const d = toDiagnostic(f, text, { version: 1, textOf: (p) => (p === '/ws/src/b.ts' ? other : undefined) });
    expect(d.relatedInformation).toEqual([
      {
        location: { uri: 'file:///ws/src/b.ts', range: { start: { line: 2, character: 8 }, end: { line: 2, character: 17 } } },
        message: 'invalidated here',
      },
      { location: { uri: 'file:///ws/src/a.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } } }, message: 'same file' },
    ]);
  });
});

describe('codeActionsFor', () => {
  const text = [
    "import Redis from 'ioredis';",
    'const redis = new Redis();',
    'export async function f(v: string) {',
    "  await redis.set('user:1', v);",
    '}',
    '',
  ].join('\n');

  it('offers the safe fix (preferred), the suggestions, disable-for-line and documentation', () => {
    const fix = replaceFix(text, "v);", "v, 'EX', 3600);", 'safe', 'Add a TTL of 3600 s');
    const sugg = replaceFix(text, 'redis.set', 'redis.del', 'suggestion', 'Delete instead');
    const list = actions(text, [finding(text, "redis.set('user:1', v)", { fix, suggestions: [sugg] })]);
    expect(list.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
      ['Add a TTL of 3600 s', true],
      ['Delete instead', false],
      ['Disable cachelint missing-ttl for this line', false],
      ['Show documentation for missing-ttl', false],
    ]);
    const { version, edits } = editsOf(list[0].edit);
    expect(version).toBe(7);
    expect(applyTextEdits(text, edits)).toContain("await redis.set('user:1', v, 'EX', 3600);");
    expect(list[3].command).toEqual({
      title: 'Show documentation for missing-ttl',
      command: SHOW_DOC_COMMAND,
      arguments: [{ ruleId: 'missing-ttl', url: docUrl('missing-ttl') }],
    });
  });

  it('marks the first suggestion preferred when there is no safe fix', () => {
    const sugg = replaceFix(text, 'redis.set', 'redis.del', 'suggestion', 'Delete instead');
    const list = actions(text, [finding(text, 'redis.set', { suggestions: [sugg] })]);
    expect(list[0]).toMatchObject({ title: 'Delete instead', isPreferred: true });
  });

  it('uses plain `changes` for clients without documentChanges', () => {
    const fix = replaceFix(text, 'redis.set', 'redis.setex', 'safe');
    const list = actions(text, [finding(text, 'redis.set', { fix })], { documentChanges: false });
    expect(list[0].edit?.documentChanges).toBeUndefined();
    expect(applyTextEdits(text, list[0].edit!.changes![URI])).toContain('await redis.setex(');
  });

  it('only offers actions for findings in the requested range', () => {
    const list = actions(text, [finding(text, 'redis.set')], {
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 3 } },
    });
    expect(list).toEqual([]);
  });

  it('refuses findings computed for another version of the document', () => {
    const lines = new LspText(text);
    const f = finding(text, 'redis.set', { fix: replaceFix(text, 'redis.set', 'redis.setex', 'safe') });
    const input: ActionInput = {
      uri: URI,
      file: '/ws/src/a.ts',
      version: 8,
      computed: { version: 7, text: lines, findings: [f], diagnostics: [toDiagnostic(f, lines, { version: 7, textOf: () => undefined })] },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
      documentChanges: true,
    };
    expect(codeActionsFor(input)).toEqual([]);
    expect(codeActionsFor({ ...input, version: 7 }).length).toBeGreaterThan(0);
  });

  it('inserts the disable comment above the line with its indentation, and it suppresses that line', () => {
    const f = finding(text, 'redis.set');
    const dis = actions(text, [f]).find((a) => a.title.startsWith('Disable'))!;
    const out = applyTextEdits(text, editsOf(dis.edit).edits);
    // ends with ESLint's reason separator, for the reason to be typed right after it
    expect(out.split('\n')[3]).toBe('  // cachelint-disable-next-line missing-ttl -- ');
    const sup = collectSuppressions(out);
    expect(sup).toHaveLength(1);
    expect(sup[0]).toMatchObject({ kind: 'next-line', rules: ['missing-ttl'], line: 4 });
    expect(out.split('\n')[4]).toBe("  await redis.set('user:1', v);");
    // with a reason typed, still one directive for that rule
    expect(collectSuppressions(out.replace('-- ', '-- flags never change'))[0].rules).toEqual(['missing-ttl']);
  });

  it('puts the cursor after `-- ` with a snippet edit where the client applies them, and a plain edit elsewhere', () => {
    const f = finding(text, 'redis.set');
    const snippetAction = actions(text, [f], { snippets: true }).find((a) => a.title.startsWith('Disable'))!;
    const change = snippetAction.edit!.documentChanges![0] as TextDocumentEdit;
    expect(change.textDocument).toEqual({ uri: URI, version: 7 });
    expect(change.edits).toEqual([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, snippet: { kind: 'snippet', value: '  // cachelint-disable-next-line missing-ttl -- $0\n' } }]);
    // without versioned edits there is no snippet: the plain text, the same comment
    const plain = actions(text, [f], { snippets: true, documentChanges: false }).find((a) => a.title.startsWith('Disable'))!;
    expect(plain.edit!.changes![URI][0].newText).toBe('  // cachelint-disable-next-line missing-ttl -- \n');
    // JSX: the closing `}` is escaped in the snippet, the cursor sits inside the comment
    const tsx = 'export const P = () => (\n  <div>\n    {load(id)}\n  </div>\n);\n';
    const file = '/ws/src/p.tsx';
    const jsx = actions(tsx, [finding(tsx, '{load(id)}', { file })], { snippets: true }, file).find((a) => a.title.startsWith('Disable'))!;
    const value = ((jsx.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    expect(value).toBe('    {/* cachelint-disable-next-line missing-ttl -- $0 */\\}\n');
  });

  it('keeps CRLF line endings in inserted comments', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const dis = actions(crlf, [finding(crlf, 'redis.set')]).find((a) => a.title.startsWith('Disable'))!;
    expect(editsOf(dis.edit).edits[0].newText).toBe('  // cachelint-disable-next-line missing-ttl -- \r\n');
  });

  it('adds the rule to a disable-next-line directive already above the line instead of stacking another', () => {
    const withDirective = text.replace("  await redis.set", "  // cachelint-disable-next-line key-drift -- shared key\n  await redis.set");
    const dis = actions(withDirective, [finding(withDirective, 'redis.set')]).find((a) => a.title.startsWith('Disable'))!;
    const out = applyTextEdits(withDirective, editsOf(dis.edit).edits);
    expect(out).toContain('  // cachelint-disable-next-line key-drift, missing-ttl -- shared key\n  await redis.set');
    expect(collectSuppressions(out)[0].rules).toEqual(['key-drift', 'missing-ttl']);
  });

  it('writes a JSX comment inside JSX children, a line comment elsewhere in a .tsx file', () => {
    const tsx = [
      'export function P({ id }: { id: string }) {',
      '  return (',
      '    <div>',
      '      {load(id)}',
      '      <Item',
      '        onClick={() => cache.set(id, 1)}',
      '      />',
      '      {items.map((i) =>',
      '        cache.set(i, 2))}',
      '    </div>',
      '  );',
      '}',
      '',
    ].join('\n');
    const file = '/ws/src/p.tsx';
    const ctxOfLine = (n: number) => {
      const lines = new LspText(tsx);
      return commentContextAt(file, tsx, lines.lineStart(n) + /^\s*/.exec(lines.lineText(n))![0].length);
    };
    expect(ctxOfLine(2)).toBe('js'); // <div> is the returned expression
    expect(ctxOfLine(3)).toBe('jsx'); // {load(id)} is a child
    expect(ctxOfLine(4)).toBe('jsx'); // <Item is a child element
    expect(ctxOfLine(5)).toBe('js'); // an attribute inside the tag: a comment there is trivia
    expect(ctxOfLine(8)).toBe('js'); // inside the arrow function of a JSX expression
    expect(ctxOfLine(9)).toBe('jsx'); // </div> closes the children

    const f = finding(tsx, '{load(id)}', { file });
    const dis = actions(tsx, [f], {}, file).find((a) => a.title.startsWith('Disable'))!;
    const out = applyTextEdits(tsx, editsOf(dis.edit).edits);
    expect(out.split('\n')[3]).toBe('      {/* cachelint-disable-next-line missing-ttl -- */}');
    expect(collectSuppressions(out)).toMatchObject([{ kind: 'next-line', rules: ['missing-ttl'], line: 4 }]);
  });

  it('offers no disable comment on a line that starts inside a template literal', () => {
    const tpl = 'const q = `\n${redis.set(k, v)}`;\n';
    const lines = new LspText(tpl);
    expect(disableCommentEdit('/ws/a.ts', lines, 1, 'missing-ttl')).toBeUndefined();
    expect(actions(tpl, [finding(tpl, 'redis.set(k, v)')]).map((a) => a.title)).toEqual(['Show documentation for missing-ttl']);
  });

  it('offers one disable and one documentation action per rule and line', () => {
    const two = [finding(text, 'redis.set'), finding(text, "'user:1'")];
    const titles = actions(text, two).map((a) => a.title);
    expect(titles.filter((t) => t.startsWith('Disable'))).toHaveLength(1);
    expect(titles.filter((t) => t.startsWith('Show documentation'))).toHaveLength(1);
  });

  it('gives findings without a rule (unused directives) their fix but no disable/documentation entries', () => {
    const src = '// cachelint-disable-next-line missing-ttl\nconst a = 1;\n';
    const f = finding(src, '// cachelint-disable-next-line missing-ttl', {
      ruleId: null,
      messageId: 'unusedSuppression',
      fix: { title: 'Remove unused cachelint-disable directive', kind: 'safe', edits: [{ start: 0, end: 43, text: '' }] },
    });
    expect(actions(src, [f]).map((a) => a.title)).toEqual(['Remove unused cachelint-disable directive']);
    const d = toDiagnostic(f, src, { version: 1, textOf: () => undefined });
    expect(d.code).toBeUndefined();
    expect(d.tags).toEqual([1]); // DiagnosticTag.Unnecessary: the editor fades the comment out
  });
});

describe('source.fixAll.cachelint', () => {
  const text = "await redis.set(a, 1);\nawait redis.set(b, 2);\nawait redis.set(c, 3);\n";
  const safeAt = (needle: string, by: string) => replaceFix(text, needle, by, 'safe');

  it('applies only safe fixes, never two overlapping ones', () => {
    const f1 = finding(text, 'redis.set(a, 1)', { fix: safeAt('redis.set(a, 1)', "redis.set(a, 1, 'EX', 60)") });
    // overlaps f1's edit: left for a later pass
    const f2 = finding(text, 'set(a', { fix: safeAt('set(a', 'setex(a') });
    const f3 = finding(text, 'redis.set(b, 2)', { suggestions: [replaceFix(text, 'redis.set(b', 'redis.del(b', 'suggestion')] });
    const f4 = finding(text, 'redis.set(c, 3)', { fix: safeAt('redis.set(c, 3)', "redis.set(c, 3, 'EX', 60)") });
    expect(fixAllEdits([f1, f2, f3, f4])).toHaveLength(2);
    const list = actions(text, [f1, f2, f3, f4], { only: [FIX_ALL_KIND] });
    expect(list.map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
    const out = applyTextEdits(text, editsOf(list[0].edit).edits);
    expect(out).toBe("await redis.set(a, 1, 'EX', 60);\nawait redis.set(b, 2);\nawait redis.set(c, 3, 'EX', 60);\n");
  });

  it('is only offered when asked for, and not when nothing is safely fixable', () => {
    const f = finding(text, 'redis.set(a, 1)', { fix: safeAt('redis.set(a, 1)', 'x') });
    expect(actions(text, [f]).some((a) => a.kind === FIX_ALL_KIND)).toBe(false);
    expect(actions(text, [f], { only: ['source'] }).map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
    expect(actions(text, [f], { only: ['source.fixAll'] }).map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
    expect(actions(text, [f], { only: ['quickfix'] }).some((a) => a.kind === FIX_ALL_KIND)).toBe(false);
    const onlySuggestion = finding(text, 'redis.set(a, 1)', { suggestions: [safeAt('redis.set(a, 1)', 'x')] });
    expect(actions(text, [onlySuggestion], { only: [FIX_ALL_KIND] })).toEqual([]);
  });

  it('matches kinds hierarchically', () => {
    expect(kindWanted('quickfix', undefined)).toBe(true);
    expect(kindWanted(FIX_ALL_KIND, undefined)).toBe(false);
    expect(kindWanted(FIX_ALL_KIND, ['source.fixAll.eslint'])).toBe(false);
    expect(kindWanted('quickfix', ['source'])).toBe(false);
  });
});

describe('LspText', () => {
  it('round-trips offsets and clamps out-of-range positions', () => {
    const t = new LspText('ab\r\ncd\ref\ngh');
    expect(t.lineCount).toBe(4);
    for (let o = 0; o <= t.text.length; o++) {
      const p = t.positionAt(o);
      // offsets inside a \r\n pair map to the line end; all others round-trip
      if (!(t.text[o - 1] === '\r' && t.text[o] === '\n')) expect(t.offsetAt(p)).toBe(o);
    }
    expect(t.offsetAt({ line: 1, character: 99 })).toBe(6);
    expect(t.offsetAt({ line: 9, character: 0 })).toBe(t.text.length);
    expect(t.lineText(1)).toBe('cd');
  });
});

describe('settings', () => {
  it('keeps valid values and falls back per key on malformed ones', () => {
    expect(
      normalizeSettings({ enable: false, run: 'onSave', rules: { 'missing-ttl': 'error', 'key-drift': 'loud', nope: 'off' }, defaultTtlSeconds: 60, trace: { server: 'verbose' } }),
    ).toEqual({ enable: false, run: 'onSave', rules: { 'missing-ttl': 'error' }, defaultTtlSeconds: 60, trace: { server: 'verbose' }, baseline: 'hint' });
    expect(normalizeSettings({ baseline: 'hide' }).baseline).toBe('hide');
    expect(normalizeSettings({ baseline: 'show' }).baseline).toBe('hint');
    expect(normalizeSettings({ enable: 'yes', run: 'always', rules: [], defaultTtlSeconds: -5 })).toEqual(normalizeSettings(undefined));
  });

  it('caches one promise per URI until cleared', async () => {
    let calls = 0;
    const store = new SettingsStore(async (uri) => {
      calls++;
      return { run: uri.endsWith('b') ? 'onSave' : 'onType' };
    });
    const [a1, a2, b] = await Promise.all([store.get('file:///a'), store.get('file:///a'), store.get('file:///b')]);
    expect(a1).toBe(a2);
    expect(b.run).toBe('onSave');
    expect(calls).toBe(2);
    expect(store.peek('file:///b')?.run).toBe('onSave');
    store.clear('file:///b');
    expect(store.peek('file:///b')).toBeUndefined();
    await store.get('file:///b');
    expect(calls).toBe(3);
    store.clear();
    await store.get('file:///a');
    expect(calls).toBe(4);
  });

  it('falls back to the defaults when the client cannot answer', async () => {
    const store = new SettingsStore(() => Promise.reject(new Error('no configuration support')));
    expect(await store.get('file:///a')).toEqual(normalizeSettings(undefined));
  });
});
