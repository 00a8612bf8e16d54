// Modules that can do no I/O. A read path calls project functions on its way to the cache
// (`const view = toOfficeView(row); await this.cache.set(key, view)`), and the loader follows the
// module of every such callee: it might be a wrapper of the cache, or write the database. A mapper
// or formatter can be neither, and following them was a fifth of all files parsed on a Nest
// backend. The test reads the text only, and errs towards parsing: any word it cannot rule out
// (an import of a value, `await`, `fetch`, a package's type) makes the module worth parsing.

/** A value import, `require`, dynamic import, or a re-export: something the module may call or pass on. */
const IMPORTS_VALUES = /\brequire\s*\(|\bimport\s*\(|\bimport(?!\s+type\b)\b|\bexport\s*(?:\*|type\s*)?(?:\{[^}]*\}\s*)?from\b|\bexport\s*\*/;
/** Asynchronous work or a global that holds a client (`fetch`, `Bun.redis`, `globalThis.prisma`). */
const DOES_IO = /\bawait\b|\.then\s*\(|\bfetch\b|\bglobalThis\b|\bglobal\s*\.|\bBun\b|\bwindow\b/;
/** `import type { … } from '…'`: the module each type comes from. */
const TYPE_IMPORT = /\bimport\s+type\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g;
/** Every module a text names: imports, re-exports, `require`. */
const MODULE_NAMED = /\b(?:from|require\s*\(|import)\s*['"]([^'"]+)['"]/g;
/** A module that may name others in ways MODULE_NAMED does not read (`import(`, a computed require). */
const NAMES_OTHERWISE = /\brequire\s*\(\s*[^'"\s]|\bimport\s*\(/;
/**
 * Packages of validation, transformation and plain-value types: what a DTO module imports
 * (`import { IsString } from 'class-validator'`). None of their types is a client or a database.
 */
const VALUE_TYPE_PACKAGES =
  /^(?:class-validator|class-transformer|@nestjs\/swagger|@nestjs\/mapped-types|zod|yup|joi|io-ts|@sinclair\/typebox|superstruct|valibot|date-fns|dayjs|luxon|moment|decimal\.js|big\.js|bignumber\.js|uuid)$/;

/** Whether a module's types can be no client nor database: it names only value-type packages. */
function declaresPlainTypes(text: string): boolean {
  if (NAMES_OTHERWISE.test(text)) return false;
  for (const m of text.matchAll(MODULE_NAMED)) if (!VALUE_TYPE_PACKAGES.test(m[1])) return false;
  return true;
}

/**
 * Whether `text`, a module reached only as the callee of a cache file's call, can be left unparsed:
 * it imports nothing but types, each from a project module that names no module but validation
 * and value-type packages (so no type is a client or an ORM's: a DTO), and it neither awaits nor
 * reaches a global that could do I/O.
 * `resolve` maps a specifier to the project file it names, or undefined (a package).
 */
export function isInertModule(text: string, resolve: (spec: string) => string | undefined, textOf: (file: string) => string | undefined): boolean {
  if (IMPORTS_VALUES.test(text) || DOES_IO.test(text)) return false;
  for (const m of text.matchAll(TYPE_IMPORT)) {
    const target = resolve(m[1]);
    const types = target === undefined ? undefined : textOf(target);
    if (types === undefined || !declaresPlainTypes(types)) return false;
  }
  return true;
}
