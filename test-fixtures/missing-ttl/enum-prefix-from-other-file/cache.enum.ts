/** Key prefixes of the admin caches. */
export enum CacheEnum {
  SYS_CONFIG_KEY = 'sys_config:',
  SYS_DICT_KEY = 'sys_dict:',
}
