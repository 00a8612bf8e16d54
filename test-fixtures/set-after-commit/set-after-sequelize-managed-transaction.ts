// Sequelize managed transaction in an Express controller; the result is cached once it commits.
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { sequelize } from './db';
import { Membership } from './models/membership.model';

const redis = new Redis();

export async function upgradeMembership(req: Request, res: Response) {
  const id = Number(req.params.id);
  await sequelize.transaction(async (transaction) => {
    await Membership.update({ level: 'gold' }, { where: { id }, transaction });
  });
  const membership = await Membership.findByPk(id);
  await redis.set(`membership:${id}`, JSON.stringify(membership), 'EX', 3600); // expect: set-after-commit
  res.json(membership);
}
