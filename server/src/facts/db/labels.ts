// What a database write's label (`this.userRepository.update`, `prisma.user.update(…)`) says. Plain
// strings, no parser: the rules read it too, and the CLI bundle keeps the parser out of them.

/** The method a write's label ends with: `this.userRepository.update(…)` → `update`. */
export function methodOfLabel(label: string): string | undefined {
  return /(\w+)\s*$/.exec(label.replace(/\(.*$/s, ''))?.[1];
}
