// The names closures of a memoising factory are recorded under (syntax/made-closures.ts finds
// them). Kept apart from the finder, which needs the compiler: the model (model/ops.ts) names them
// too, and the CLI bundle must not take the compiler in with them (esbuild.mjs checks it).

/** The owner name (WrapperMethod.className) the closures of maker `name` are recorded under. */
export function madeOwner(name: string): string {
  return `<made:${name}>`;
}

/** The member name the instance itself is called by: `getTeam(id)`. */
export const CALLABLE = '()';
