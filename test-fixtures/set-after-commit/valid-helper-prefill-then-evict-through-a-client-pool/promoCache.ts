import { DataSource } from 'typeorm';
import { Asleep, StorageKey, StorageTopic, generateStorageKey } from './storage';
import { setRedisObjectWithExpiry } from './redis';
import { UserPromo } from './entities';

const ONE_WEEK = 7 * 24 * 3600;

// loads the user's open promo and keeps it (or a marker that there is none) for a week
export const prefillPromo = async (con: DataSource, userId: string) => {
  const key = generateStorageKey(StorageTopic.Boot, StorageKey.Promo, userId);
  const row = await con.getRepository(UserPromo).findOne({ where: { userId }, relations: ['promo'] });
  const promo = row?.promo || null;
  setRedisObjectWithExpiry(key, row ? JSON.stringify(promo) : Asleep, ONE_WEEK);
  return promo;
};
