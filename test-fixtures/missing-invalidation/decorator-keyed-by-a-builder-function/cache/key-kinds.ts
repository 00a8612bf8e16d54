export enum KeyKind {
  ENTITY = 'entity',
  QUERY = 'query',
}

export enum KeyPrefix {
  MEMBER = 'member',
  TEAM = 'team',
}
