// key-drift: a write or invalidation builds the key differently from the reads, so it hits nothing.
// Docs: docs/rules/key-drift.md
import { driftBetween, entityOfShape, shapesMatch } from '../facts/key-shape';
import type { KeyPart } from '../facts/types';
import type { CacheOp, Fix, ProjectIndex, Related, Rule } from '../rule';
import { shortPath } from './util';

interface ReadSite {
  file: string;
  span: { start: number; end: number };
  shape: string;
  op?: CacheOp;
}

/** Shapes worth comparing: some literal text besides separators. */
function meaningful(shape: string | undefined): shape is string {
  return !!shape && /[A-Za-z]{2,}/.test(shape.replace(/\{\}/g, ''));
}

function holes(parts: KeyPart[]): string[] {
  return parts.flatMap((p) => ('hole' in p ? [p.hole] : []));
}

/** Rewrite the drifting key to the read shape, with the write's own values in its holes. */
function rewriteKey(project: ProjectIndex, op: CacheOp, read: ReadSite): Fix | undefined {
  const key = op.call.key;
  if (!key || !op.key) return undefined;
  const values = holes(op.key.parts);
  const b = read.op?.call.key?.builder;
  const file = project.files.get(op.file)!;
  // Prefer calling the builder the reads use, when this file can name it the same way
  if (b?.local && read.file === op.file) return fixWith(op, `${b.local}(${values.join(', ')})`, b.args.length === values.length);
  if (b?.ref) {
    const imp = file.facts.imports.find((i) => i.name === b.ref!.name && sameModuleTail(i.module, b.ref!.module));
    if (imp && b.args.length === values.length) {
      const member = b.ref.member?.length ? '.' + b.ref.member.join('.') : '';
      return fixWith(op, `${imp.local}${member}(${values.join(', ')})`, true);
    }
  }
  const slots = read.shape.split('{}');
  if (slots.length - 1 !== values.length) return undefined;
  let text = '`';
  slots.forEach((lit, i) => {
    text += lit.replace(/[`\\$]/g, (c) => '\\' + c);
    if (i < values.length) text += '${' + values[i] + '}';
  });
  return fixWith(op, text + '`', true);
}

function fixWith(op: CacheOp, text: string, ok: boolean): Fix | undefined {
  if (!ok || !op.call.key) return undefined;
  return { title: `Use the key the reads use: ${text}`, kind: 'suggestion', edits: [{ start: op.call.key.span.start, end: op.call.key.span.end, text }] };
}

function sameModuleTail(a: string, b: string): boolean {
  const tail = (s: string) => s.replace(/\.[cm]?[jt]sx?$/, '').split('/').slice(-2).join('/');
  return tail(a) === tail(b);
}

export const keyDrift: Rule<'drift' | 'deadDelete'> = {
  meta: {
    id: 'key-drift',
    description: 'Require cache writes and invalidations to use the key shape the reads use.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      drift: '{{action}} uses key {{written}}, but reads use {{read}} ({{reason}}): this {{what}} never reaches the cached entry.',
      deadDelete: 'Deletes key {{written}}, which nothing in this project reads or writes (it caches {{entity}} under {{others}}): the invalidation has no effect.',
    },
    help: 'Build the key with the same builder or template the read path uses.',
  },
  checkProject(project, ctx) {
    const reads: ReadSite[] = [];
    for (const op of project.ops) if (op.kind === 'read' && meaningful(op.key?.shape)) reads.push({ file: op.file, span: op.call.span, shape: op.key!.shape!, op });
    for (const r of project.looseReads) reads.push({ file: r.file, span: r.call.span, shape: r.shape });
    const writtenShapes = project.ops.filter((o) => o.kind === 'write' && o.key?.shape).map((o) => o.key!.shape!);
    const isRead = (s: string) => reads.some((r) => shapesMatch(s, r.shape));

    for (const op of project.ops) {
      if (op.kind !== 'write' && op.kind !== 'delete') continue;
      const shape = op.key?.shape;
      if (!meaningful(shape) || isRead(shape)) continue;
      // the closest read variant explains the drift
      const variants = reads.map((r) => ({ r, reason: driftBetween(shape, r.shape) })).filter((v) => v.reason);
      const related: Related[] = variants.slice(0, 5).map((v) => ({ file: v.r.file, span: v.r.span, message: `Read with key '${v.r.shape}' (${shortPath(v.r.file)}).` }));
      if (variants.length > 0) {
        const first = variants[0];
        const fix = rewriteKey(project, op, first.r);
        ctx.report({
          file: op.file,
          span: op.call.key?.span ?? op.call.span,
          messageId: 'drift',
          data: {
            action: op.kind === 'delete' ? 'Invalidation' : 'Cache write',
            what: op.kind === 'delete' ? 'delete' : 'write',
            written: `'${shape}'`,
            read: `'${first.r.shape}'`,
            reason: first.reason!,
          },
          related,
          suggestions: fix ? [fix] : [],
        });
        continue;
      }
      if (op.kind !== 'delete' || writtenShapes.some((s) => shapesMatch(s, shape))) continue;
      // a delete of a shape nobody uses, for an entity the project does cache under other shapes
      const entity = entityOfShape(shape);
      if (!entity) continue;
      const others = [...new Set(reads.filter((r) => entityOfShape(r.shape) === entity).map((r) => r.shape))];
      if (others.length === 0) continue;
      ctx.report({
        file: op.file,
        span: op.call.key?.span ?? op.call.span,
        messageId: 'deadDelete',
        data: { written: `'${shape}'`, entity, others: others.slice(0, 3).map((s) => `'${s}'`).join(', ') },
        related: reads.filter((r) => entityOfShape(r.shape) === entity).slice(0, 5).map((r) => ({ file: r.file, span: r.span, message: `Read with key '${r.shape}'.` })),
        suggestions: [],
      });
    }
  },
};
