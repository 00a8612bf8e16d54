export enum CacheKeys {
  Users = 'users_',
  Wallets = 'wallets_',
}
