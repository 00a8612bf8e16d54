// A name as a whole identifier in source text, found without parsing it: the text searches over
// files the CLI left unparsed (model/uncalled.ts, model/unused-modules.ts).

/** A character of a JavaScript identifier: an ASCII letter or digit, `_` or `$`. */
export function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** How many times `name` stands in `text` as a whole identifier, counted up to `max`. */
export function identifierCount(text: string, name: string, max: number): number {
  let n = 0;
  for (let at = text.indexOf(name); at >= 0 && n < max; at = text.indexOf(name, at + name.length))
    if (!isIdentifierChar(text.charCodeAt(at - 1)) && !isIdentifierChar(text.charCodeAt(at + name.length))) n++;
  return n;
}
