// What a project rule judges: the writes and ops of the files whose findings are wanted. The CLI
// wants every file; the editor wants its open documents, and a rule scanning the whole project's
// lists for them would do work in proportion to the project on every keystroke.
import type { ProjectIndex, RuleContext } from '../rule';

/** The database writes of the wanted files, in project order. */
export function judgedWrites(project: ProjectIndex, ctx: RuleContext<string>): ProjectIndex['dbWrites'] {
  return ctx.judged ? ctx.judged.flatMap((f) => project.dbWritesOf(f)) : project.dbWrites;
}

/** The cache ops of the wanted files, in project order. */
export function judgedOps(project: ProjectIndex, ctx: RuleContext<string>): ProjectIndex['ops'] {
  return ctx.judged ? ctx.judged.flatMap((f) => project.files.get(f)?.ops ?? []) : project.ops;
}
