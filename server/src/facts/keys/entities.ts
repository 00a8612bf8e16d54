// Entity names, normalised so that a Prisma model (`product`), a TypeORM class (`Product`), a
// repository field (`productRepository`), a table (`products`) and a key segment (`product`) meet.

const SUFFIXES = /(Repository|Repo|Model|Entity|Schema|Table|Collection|Document|Doc|Dao|Service|Store)$/;

/** `ProductRepository` → `product`, `order_items` → `order_item`, `categories` → `category`. */
export function normaliseEntity(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let n = name.replace(/^[_$]+/, '');
  // strip a suffix only when something remains (`Model` alone stays)
  const m = SUFFIXES.exec(n);
  if (m && m.index > 0) n = n.slice(0, m.index);
  n = n.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[-\s.]+/g, '_');
  n = singular(n);
  return n.length > 0 ? n : undefined;
}

/** Lower-case words of a name: `ownerWallet` → `owner`, `wallet`; `integration_id` → `integration`, `id`. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** The name of a row's own id: `id`, `_id`, `uuid`. */
export function isRowIdName(name: string): boolean {
  return /^_?(id|uuid)$/i.test(name);
}

const ID_WORDS = new Set(['id', 'uuid', 'guid', 'uid']);

/**
 * A name for one id, the row's own or another's: `id`, `segmentId`, `integration_id`, `ownerUUID`,
 * `uid`; not `paid`, nor a list of ids (`tagIds`), which is state of the row.
 */
export function isIdName(name: string): boolean {
  return ID_WORDS.has(nameWords(name).pop() ?? '');
}

const SINGULAR_US = /(status|campus|virus|census|bonus|corpus|focus|genus|radius|nexus|syllabus|apparatus|stimulus|consensus|octopus|cactus|fungus|plexus|opus|circus|chorus|thesaurus|prospectus|bus|minus|plus|sinus|terminus|abacus|alumnus|hiatus|impetus|onus|exodus|lotus|walrus)$/;

/** English singular of the last word, good enough for table and model names. */
export function singular(word: string): string {
  const parts = word.split('_');
  let last = parts[parts.length - 1];
  if (last.length > 3 && last.endsWith('ies')) last = last.slice(0, -3) + 'y';
  else if (/(ss|is)$/.test(last) || SINGULAR_US.test(last)) {
    // address, analysis, status: already singular (but menus, skus, menu_items are plurals)
  } else if (last.length > 3 && /(ches|shes|xes|sses|zes)$/.test(last)) last = last.slice(0, -2);
  else if (last.length > 2 && last.endsWith('s')) last = last.slice(0, -1);
  parts[parts.length - 1] = last;
  return parts.join('_');
}

/**
 * The key caches the written entity, or the aggregate that owns it: a `wishlist:{}` set after a
 * `wishlist_item` delete rewrites the parent from the changed children, with the same race.
 */
export function sameAggregate(keyEntity: string, written: string): boolean {
  return written === keyEntity || written.startsWith(`${keyEntity}_`);
}
