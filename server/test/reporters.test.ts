// Reporter output for hand-made findings (snapshots are allowed here only: STYLE.md "Snapshots").
import { describe, expect, it } from 'vitest';
import { formatGithub, escapeData, escapeProperty } from '../src/report/github';
import type { ReportContext, ReportFile } from '../src/report/index';
import { formatJson, mergeFix, type LintResult } from '../src/report/json';
import { LineMap, lineStarts, positionAt } from '../src/text/lines';
import { formatSarif } from '../src/report/sarif';
import { formatStylish } from '../src/report/stylish';
import type { Finding, RuleMeta } from '../src/rule';

const A_TEXT = [
  "import Redis from 'ioredis';",
  'const redis = new Redis();',
  "export async function f(v: string) { await redis.set('user:1', v); }",
  "export async function g(v: string) { await redis.set('user:2', v); }",
  '',
].join('\n');
const B_TEXT = 'export const x = ;\n';

function span(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`not found: ${needle}`);
  return { start, end: start + needle.length };
}

function finding(over: Partial<Finding> & Pick<Finding, 'span'>): Finding {
  return {
    ruleId: 'missing-ttl',
    messageId: 'noTtl',
    message: "Cache write to 'user:1' has no TTL.",
    file: '/proj/src/a.ts',
    severity: 'warning',
    related: [],
    suggestions: [],
    ...over,
  };
}

const set1 = span(A_TEXT, "redis.set('user:1', v)");
const set2 = span(A_TEXT, "redis.set('user:2', v)");
const files: ReportFile[] = [
  {
    file: '/proj/src/a.ts',
    text: A_TEXT,
    findings: [
      finding({
        span: set1,
        suggestions: [
          { title: 'Add a TTL of 3600 seconds', kind: 'suggestion', edits: [{ start: set1.end - 1, end: set1.end - 1, text: ", 'EX', 3600" }] },
        ],
      }),
      finding({
        span: set2,
        ruleId: 'set-after-commit',
        messageId: 'setAfterCommit',
        message: 'Cache set after a write to user: delete the key instead.',
        severity: 'error',
        related: [{ file: '/proj/src/a.ts', span: set1, message: 'the read path' }],
        fix: {
          title: 'Use del',
          kind: 'safe',
          edits: [
            { start: set2.start + 6, end: set2.start + 9, text: 'del' },
            { start: set2.end - 4, end: set2.end - 1, text: '' },
          ],
        },
      }),
    ],
  },
  { file: '/proj/src/b.ts', text: B_TEXT, findings: [], parseErrors: [{ start: 17, message: 'Expression expected.' }] },
  { file: '/proj/src/clean.ts', text: 'export {};\n', findings: [] },
];

const meta = (id: RuleMeta<string>['id'], severity: RuleMeta<string>['severity']): RuleMeta<string> => ({
  id,
  description: `Description of ${id}.`,
  severity,
  fix: 'none',
  requiresTypeInfo: false,
  crossFile: false,
  messages: {},
  help: `Help for ${id}.`,
});
const ctx: ReportContext = { cwd: '/proj', rules: [meta('set-after-commit', 'error'), meta('missing-ttl', 'warning')], version: '0.1.0' };

describe('lines', () => {
  it('maps offsets to 0-based positions across \\n, \\r\\n and \\r', () => {
    const text = 'a\nbc\r\nd\re';
    expect(lineStarts(text)).toEqual([0, 2, 6, 8]);
    expect(positionAt(text, 4)).toEqual({ line: 1, column: 2 });
    expect(positionAt(text, 9)).toEqual({ line: 3, column: 1 });
    expect(new LineMap(text).loc(2, 7)).toEqual({ line: 2, column: 1, endLine: 3, endColumn: 2 });
    expect(new LineMap(text).line(1)).toBe('bc');
  });
});

describe('json (ESLint result format)', () => {
  const out = JSON.parse(formatJson(files, ctx)) as LintResult[];

  it('has one result per file with ESLint fields and counts', () => {
    expect(out.map((r) => r.filePath)).toEqual(['/proj/src/a.ts', '/proj/src/b.ts', '/proj/src/clean.ts']);
    expect(out[0]).toMatchObject({ errorCount: 1, fatalErrorCount: 0, warningCount: 1, fixableErrorCount: 1, fixableWarningCount: 0, suppressedMessages: [] });
    expect(out[0].source).toBe(A_TEXT);
    expect(out[2]).toEqual({
      filePath: '/proj/src/clean.ts',
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    });
  });

  it('uses 1-based lines and columns, severity 1|2, and merges a multi-edit fix into one range', () => {
    const [w, e] = out[0].messages;
    expect(w).toMatchObject({ ruleId: 'missing-ttl', severity: 1, line: 3, column: 44, endLine: 3, endColumn: 66, messageId: 'noTtl' });
    expect(w.fix).toBeUndefined();
    expect(w.suggestions).toEqual([{ desc: 'Add a TTL of 3600 seconds', fix: { range: [set1.end - 1, set1.end - 1], text: ", 'EX', 3600" } }]);
    expect(e).toMatchObject({ ruleId: 'set-after-commit', severity: 2, line: 4 });
    expect(e.fix!.range).toEqual([set2.start + 6, set2.end - 1]);
    // applying the merged fix gives the same text as applying the edits
    const fixed = A_TEXT.slice(0, e.fix!.range[0]) + e.fix!.text + A_TEXT.slice(e.fix!.range[1]);
    expect(fixed).toContain("await redis.del('user:2'); }");
  });

  it('reports a parse error as ESLint does: ruleId null, fatal, severity 2', () => {
    expect(out[1].messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Expression expected.', line: 1, column: 18 }]);
    expect(out[1]).toMatchObject({ errorCount: 1, fatalErrorCount: 1 });
  });

  it('gives `output` instead of `source` when the file was fixed, keeping a BOM', () => {
    const [r] = JSON.parse(formatJson([{ ...files[0], bom: true, output: '\uFEFFfixed' }], ctx)) as LintResult[];
    expect(r.output).toBe('\uFEFFfixed');
    expect(r.source).toBeUndefined();
  });

  it('mergeFix copies the text between edits', () => {
    expect(mergeFix('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 1, end: 2, text: 'B' }])).toEqual({ range: [1, 5], text: 'BcdE' });
  });
});

describe('stylish', () => {
  it('looks like ESLint stylish', () => {
    expect(formatStylish(files, ctx)).toMatchInlineSnapshot(`
      "
      /proj/src/a.ts
        3:44  warning  Cache write to 'user:1' has no TTL                       missing-ttl
        4:44  error    Cache set after a write to user: delete the key instead  set-after-commit

      /proj/src/b.ts
        1:18  error  Parsing error: Expression expected

      ✖ 3 problems (2 errors, 1 warning)
        1 error and 0 warnings potentially fixable with the \`--fix\` option.
      "
    `);
  });

  it('right-aligns line numbers and left-aligns columns, as ESLint does', () => {
    const text = 'x;\n'.repeat(9) + 'x;      y;\n';
    const f = (start: number) => finding({ file: '/p/m.ts', span: { start, end: start + 1 }, message: 'Ends with a dot.' });
    const out = formatStylish([{ file: '/p/m.ts', text, findings: [f(3), f(27), f(35)] }], ctx);
    expect(out.split('\n').slice(2, 5)).toEqual([
      '   2:1  warning  Ends with a dot  missing-ttl',
      '  10:1  warning  Ends with a dot  missing-ttl',
      '  10:9  warning  Ends with a dot  missing-ttl',
    ]);
  });

  it('colours only when asked', () => {
    expect(formatStylish(files, ctx)).not.toContain('\u001b[');
    const coloured = formatStylish(files, { ...ctx, color: true });
    expect(coloured).toContain('\u001b[4m/proj/src/a.ts\u001b[24m');
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
  });

  it('prints nothing for clean results', () => {
    expect(formatStylish([files[2]], ctx)).toBe('');
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatSarif(files, ctx));
  const run = log.runs[0];

  it('has the required SARIF 2.1.0 fields and the rule metadata', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.tool.driver).toMatchObject({ name: 'cachelint', version: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules[1]).toMatchObject({
      id: 'missing-ttl',
      shortDescription: { text: 'Description of missing-ttl.' },
      help: { text: 'Help for missing-ttl.' },
      defaultConfiguration: { level: 'warning' },
    });
    expect(run.tool.driver.rules[1].helpUri).toMatch(/docs\/rules\/missing-ttl\.md$/);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///proj/');
  });

  it('locates results relative to %SRCROOT% with related locations', () => {
    expect(run.results).toHaveLength(2);
    const [w, e] = run.results;
    expect(w).toMatchObject({ ruleId: 'missing-ttl', ruleIndex: 1, level: 'warning', message: { text: "Cache write to 'user:1' has no TTL." } });
    expect(w.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 44, endLine: 3, endColumn: 66 },
    });
    expect(e.ruleIndex).toBe(0);
    expect(e.relatedLocations[0]).toMatchObject({ id: 0, message: { text: 'the read path' }, physicalLocation: { region: { startLine: 3 } } });
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('Parsing error: Expression expected.');
  });

  it('fingerprints by line text, not line number: stable when lines are added above', () => {
    const moved: ReportFile = {
      ...files[0],
      text: `// a new comment\n${A_TEXT}`,
      findings: files[0].findings.map((f) => ({ ...f, span: { start: f.span.start + 17, end: f.span.end + 17 } })),
    };
    const after = JSON.parse(formatSarif([moved], ctx)).runs[0].results;
    expect(after[0].locations[0].physicalLocation.region.startLine).toBe(4);
    expect(after.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).toEqual(
      run.results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints),
    );
  });

  it('counts occurrences of the same rule on identical lines', () => {
    const text = 'redis.set(k, v);\nredis.set(k, v);\n';
    const f: ReportFile = {
      file: '/proj/c.ts',
      text,
      findings: [finding({ file: '/proj/c.ts', span: span(text, 'redis.set') }), finding({ file: '/proj/c.ts', span: span(text, 'redis.set', 1) })],
    };
    const [r1, r2] = JSON.parse(formatSarif([f], ctx)).runs[0].results;
    const [h1, n1] = r1.partialFingerprints.primaryLocationLineHash.split(':');
    const [h2, n2] = r2.partialFingerprints.primaryLocationLineHash.split(':');
    expect([h1 === h2, n1, n2]).toEqual([true, '1', '2']);
  });

  it('gives unused-directive findings (ruleId null) a rule of their own', () => {
    const text = '// cachelint-disable-next-line missing-ttl\nx();\n';
    const f: ReportFile = { file: '/proj/d.ts', text, findings: [finding({ file: '/proj/d.ts', ruleId: null, messageId: 'unusedSuppression', span: { start: 0, end: 42 } })] };
    const r = JSON.parse(formatSarif([f], ctx)).runs[0];
    expect(r.results[0].ruleId).toBe('unused-disable-directive');
    expect(r.tool.driver.rules[r.results[0].ruleIndex].id).toBe('unused-disable-directive');
  });
});

describe('github', () => {
  it('prints workflow commands', () => {
    expect(formatGithub(files, ctx)).toMatchInlineSnapshot(`
      "::warning file=src/a.ts,line=3,col=44,endLine=3,endColumn=66,title=cachelint (missing-ttl)::Cache write to 'user:1' has no TTL.
      ::error file=src/a.ts,line=4,col=44,endLine=4,endColumn=66,title=cachelint (set-after-commit)::Cache set after a write to user: delete the key instead.
      ::error file=src/b.ts,line=1,col=18,title=cachelint (parse error)::Parsing error: Expression expected.
      cachelint: 3 problems (2 errors, 1 warning)"
    `);
  });

  it('escapes data and properties as GitHub requires', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const text = 'x;\n';
    const weird: ReportFile = { file: '/proj/we,ird:name.ts', text, findings: [finding({ file: '/proj/we,ird:name.ts', span: { start: 0, end: 1 }, message: 'line1\nline2 50%' })] };
    expect(formatGithub([weird], ctx).split('\n')[0]).toBe(
      '::warning file=we%2Cird%3Aname.ts,line=1,col=1,endLine=1,endColumn=2,title=cachelint (missing-ttl)::line1%0Aline2 50%25',
    );
  });

  it('annotates at most 10 warnings and 10 errors, then a notice and plain lines for the rest', () => {
    const text = 'x;\n'.repeat(30);
    const many: ReportFile = {
      file: '/proj/m.ts',
      text,
      findings: Array.from({ length: 25 }, (_, i) =>
        finding({ file: '/proj/m.ts', span: { start: i * 3, end: i * 3 + 1 }, severity: i < 12 ? 'error' : 'warning', message: `m${i}` }),
      ),
    };
    const lines = formatGithub([many], ctx).split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    expect(lines.filter((l) => /^m\.ts:\d+:1: (error|warning) m\d+ \(missing-ttl\)$/.test(l)).length).toBe(5);
    expect(lines).toContain(
      '::notice::cachelint: 2 more errors and 3 more warnings not shown as annotations (GitHub shows 10 of each per step); they are listed in the log.',
    );
    expect(lines[lines.length - 1]).toBe('cachelint: 25 problems (12 errors, 13 warnings)');
  });

  it('prints nothing for clean results', () => {
    expect(formatGithub([files[2]], ctx)).toBe('');
  });
});

describe('race explainer (json `markdown`, sarif `message.markdown`)', () => {
  const explained: ReportFile = {
    ...files[0],
    findings: [
      finding({
        span: set1,
        ruleId: 'set-after-commit',
        messageId: 'setAfterWrite',
        message: "Cache set of 'user:{}' after the database write on line 2: delete the key instead",
        detail: 'Two writers can commit `prisma.user.update` in one order and set the cache in the other.',
        race: { key: 'user:{}', dbWrite: 'prisma.user.update', ttlSeconds: 600 },
        timeline: {
          steps: [
            { actor: 'writer A', text: '`prisma.user.update` commits v1' },
            { actor: 'writer B', text: '`prisma.user.update` commits v2' },
            { actor: 'writer B', text: 'sets `user:{}` = v2' },
            { actor: 'writer A', text: 'sets `user:{}` = v1' },
          ],
          outcome: 'stale until the TTL (10 min)',
        },
      }),
      // a finding without an explanation (an old cache entry) gets no markdown
      finding({ span: set2 }),
    ],
  };
  const markdown = [
    "**Cache set of 'user:{}' after the database write on line 2: delete the key instead** (`set-after-commit`)",
    '',
    'Two writers can commit `prisma.user.update` in one order and set the cache in the other.',
    '',
    'How it goes stale:',
    '',
    '- **T0** writer A: `prisma.user.update` commits v1',
    '- **T1** writer B: `prisma.user.update` commits v2',
    '- **T2** writer B: sets `user:{}` = v2',
    '- **T3** writer A: sets `user:{}` = v1 → **stale until the TTL (10 min)**',
    '',
    'Help for set-after-commit. [set-after-commit](https://github.com/cachelint/cachelint/blob/main/docs/rules/set-after-commit.md)',
  ].join('\n');

  it('json: an extra `markdown` field, the ESLint fields unchanged', () => {
    const [r] = JSON.parse(formatJson([explained], ctx)) as LintResult[];
    expect(r.messages[0].markdown).toBe(markdown);
    expect(r.messages[0].message).toBe(explained.findings[0].message);
    expect(r.messages[1]).not.toHaveProperty('markdown');
    expect(Object.keys(r.messages[0])).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'messageId', 'endLine', 'endColumn', 'markdown']);
  });

  it('sarif: `message.markdown` next to the plain headline', () => {
    const [w, plain] = JSON.parse(formatSarif([explained], ctx)).runs[0].results;
    expect(w.message).toEqual({ text: explained.findings[0].message, markdown });
    expect(plain.message).toEqual({ text: "Cache write to 'user:1' has no TTL." });
  });

  it('stylish and github keep the headline only', () => {
    expect(formatStylish([explained], ctx)).not.toContain('How it goes stale');
    expect(formatGithub([explained], ctx)).not.toContain('How it goes stale');
  });
});
