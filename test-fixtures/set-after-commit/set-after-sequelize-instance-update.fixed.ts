// Sequelize instance update (load, then `instance.update`) in an Express handler, then node-cache.
import type { Request, Response } from 'express';
import NodeCache from 'node-cache';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const cache = new NodeCache({ stdTTL: 300 });

class Address extends Model {
  declare id: number;
  declare line1: string;
  declare city: string;
}
Address.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, line1: DataTypes.STRING, city: DataTypes.STRING }, { sequelize, tableName: 'addresses' });

export async function updateAddress(req: Request, res: Response) {
  const address = await Address.findByPk(Number(req.params.id));
  if (!address) return res.sendStatus(404);
  await address.update({ line1: req.body.line1, city: req.body.city });
  cache.del(`address:${address.id}`); // expect: set-after-commit
  res.json(address);
}
