// Names for the synthetic backend: business areas and entity nouns. Every noun has a regular
// plural (+s, or consonant+y → ies) and no suffix the analyser strips from entity names
// (Repository, Model, Store…), so that table, model, class and key names of one entity meet
// and two entities never look like spelling variants of each other.
import { kebab, pascal, plural, snake } from './rng.mjs';

export const AREAS = [
  'billing', 'catalog', 'identity', 'shipping', 'inventory', 'support', 'marketing', 'analytics',
  'payments', 'content', 'scheduling', 'messaging', 'compliance', 'partners', 'fleet', 'loyalty',
  'procurement', 'staffing', 'reporting', 'search',
];

const NOUNS = [
  'invoice', 'receipt', 'voucher', 'coupon', 'product', 'variant', 'bundle', 'account', 'profile',
  'tenant', 'member', 'shipment', 'parcel', 'carrier', 'warehouse', 'pallet', 'ticket', 'agent',
  'campaign', 'segment', 'audience', 'metric', 'dashboard', 'payment', 'refund', 'payout', 'article',
  'page', 'asset', 'booking', 'slot', 'calendar', 'conversation', 'template', 'policy', 'consent',
  'partner', 'referral', 'vehicle', 'driver', 'route', 'reward', 'tier', 'supplier', 'requisition',
  'contract', 'employee', 'shift', 'timesheet', 'report', 'snapshot', 'query', 'facet', 'synonym',
  'subscription', 'plan', 'quota', 'license', 'region', 'currency', 'merchant', 'order', 'cart',
  'wishlist', 'review', 'rating', 'comment', 'category', 'brand', 'catalogue', 'manifest', 'label',
  'container', 'vessel', 'dock', 'gate', 'badge', 'device', 'sensor', 'reading', 'alarm', 'rule',
  'workflow', 'task', 'milestone', 'project', 'budget', 'ledger', 'journal', 'entry', 'transfer',
  'wallet', 'card', 'token', 'credential', 'role', 'permission', 'team', 'department', 'office',
  'venue', 'event', 'session', 'speaker', 'sponsor', 'survey', 'answer', 'question', 'course',
  'lesson', 'module', 'certificate', 'exam', 'grade', 'student', 'teacher', 'school', 'library',
  'book', 'author', 'publisher', 'episode', 'podcast', 'playlist', 'track', 'album', 'artist',
  'listing', 'offer', 'bid', 'auction', 'lot', 'claim', 'quote', 'estimate', 'appointment', 'clinic',
  'patient', 'doctor', 'prescription', 'pharmacy', 'recipe', 'ingredient', 'menu', 'table', 'kitchen',
];

const QUALIFIERS = [
  'tax', 'gift', 'price', 'stock', 'user', 'org', 'return', 'support', 'email', 'sms', 'push',
  'audit', 'ledger', 'promo', 'loyalty', 'vendor', 'service', 'shipping', 'billing', 'sales', 'trade',
  'credit', 'debit', 'field', 'remote', 'guest', 'staff', 'venue', 'route', 'risk', 'fraud', 'legal',
];

/**
 * Words the analyser treats specially in keys or entity names; never used as an entity. A key
 * naming a token or a task reads as auth or job state, not a cache (model/roles.ts): a plant on
 * `service-token:{}` would be a look-alike the rules rightly skip.
 */
const RESERVED = /^(cache|cached|app|api|prod|production|dev|development|test|testing|staging|stage|local|qa|table|module|service|event|session|query|rule|token|task)$/;

/** `count` distinct entities: single nouns first, then qualifier + noun compounds. */
export function entityNames(count, rng) {
  const out = [];
  const seen = new Set();
  const take = (camel) => {
    const key = snake(camel);
    if (seen.has(key) || seen.has(plural(key))) return;
    seen.add(key);
    out.push(camel);
  };
  for (const n of rng.shuffle(NOUNS)) if (!RESERVED.test(n)) take(n);
  const combos = [];
  for (const q of QUALIFIERS) for (const n of NOUNS) if (q !== n && !RESERVED.test(n)) combos.push(`${q}${pascal(n)}`);
  for (const c of rng.shuffle(combos)) {
    if (out.length >= count) break;
    take(c);
  }
  // very large workspaces (the 30,000-file scale run): numbered variants of the names so far, in
  // order and without the rng, so that smaller workspaces stay byte-identical
  const base = [...out];
  for (let k = 2; out.length < count && k < 100; k++) for (const n of base) {
    if (out.length >= count) break;
    take(`${n}${k}`);
  }
  if (out.length < count) throw new Error(`cannot name ${count} entities`);
  return out.slice(0, count);
}

/** All the spellings of one entity the generated code uses. */
export function spellings(camel) {
  const Name = pascal(camel);
  return {
    name: camel,
    Name,
    kebab: kebab(camel),
    snake: snake(camel),
    table: plural(snake(camel)),
    route: plural(kebab(camel)),
    CONST: snake(camel).toUpperCase(),
  };
}
