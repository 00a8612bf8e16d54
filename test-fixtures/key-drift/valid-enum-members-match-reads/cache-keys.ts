// valid: only constants; the numbered enum has no literal values, so its members stay unknown
export enum CacheEnum {
  SYS_CONFIG_KEY = 'sys_config:',
  SYS_USER_KEY = 'sys_user:',
}

/** Payload versions: auto-numbered, so a key holding one is not literal text cachelint may guess. */
export enum PayloadVersion {
  LEGACY,
  CURRENT,
}

export const CONFIG_KEYS = {
  group: { tenant: 'tenant_config:' },
} as const;
