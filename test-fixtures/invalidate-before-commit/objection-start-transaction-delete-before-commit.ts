// Objection hands the transaction back from startTransaction(); the delete runs before trx.commit().
import Redis from 'ioredis';
import { Model } from 'objection';
import { Router } from 'express';

class WalletAddress extends Model {
  static tableName = 'wallet_addresses';
  id!: string;
  publicName!: string;
}

const redis = new Redis();
export const router = Router();

router.get('/wallet-addresses/:id', async (req, res) => {
  const cached = await redis.get(`wallet-address:${req.params.id}`);
  if (cached) return res.json(JSON.parse(cached));
  const row = await WalletAddress.query().findById(req.params.id);
  await redis.set(`wallet-address:${req.params.id}`, JSON.stringify(row), 'EX', 60);
  res.json(row);
});

router.patch('/wallet-addresses/:id', async (req, res) => {
  const trx = await WalletAddress.startTransaction();
  try {
    await WalletAddress.query(trx).findById(req.params.id).patch({ publicName: req.body.publicName });
    await redis.del(`wallet-address:${req.params.id}`); // expect: invalidate-before-commit
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  }
  res.sendStatus(204);
});
