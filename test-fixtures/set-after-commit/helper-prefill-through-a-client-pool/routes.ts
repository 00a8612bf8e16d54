import { Router } from 'express';
import { DataSource } from 'typeorm';
import { Asleep, StorageKey, StorageTopic, generateStorageKey } from './storage';
import { getRedisObject } from './redis';
import { prefillPromo } from './promoCache';
import { UserPromo } from './entities';

declare const con: DataSource;
export const router = Router();

// the boot read: the cached promo, or the helper reloads it on a miss
async function getPromo(userId: string) {
  const raw = await getRedisObject(generateStorageKey(StorageTopic.Boot, StorageKey.Promo, userId));
  if (raw === Asleep) return null;
  const promo = raw ? JSON.parse(raw) : null;
  return promo || prefillPromo(con, userId);
}

router.get('/boot/:userId', async (req, res) => res.json(await getPromo(req.params.userId)));

// a webhook assigns a promo and writes the reloaded one through
router.post('/promo', async (req, res) => {
  const { userId, promoId } = req.body;
  await con.getRepository(UserPromo).upsert({ userId, promoId }, ['userId', 'promoId']);
  await prefillPromo(con, userId); // expect: set-after-commit
  res.send({ ok: true });
});

router.post('/promo/delete', async (req, res) => {
  const { userId, promoId } = req.body;
  await con.getRepository(UserPromo).delete({ userId, promoId });
  await prefillPromo(con, userId); // expect: set-after-commit
  res.send({ ok: true });
});
