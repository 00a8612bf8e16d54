// Keys are built in layers: a generic builder taking an options object, and one builder per entity
// kind filling it in (the kind's prefix from a shared enum).
import { KeyKind, KeyPrefix } from './key-kinds';

const buildScopedKey = ({ kind, prefix, tenantId, id }: { kind: KeyKind; prefix: KeyPrefix; tenantId: string; id: string }): string =>
  `${kind}:${prefix}:t=${tenantId}:${id}`;

export const buildMemberKey = ({ tenantId, memberId }: { tenantId: string; memberId: string }): string =>
  buildScopedKey({ kind: KeyKind.ENTITY, prefix: KeyPrefix.MEMBER, tenantId, id: memberId });
