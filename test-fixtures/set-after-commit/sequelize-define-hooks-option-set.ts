// Hooks given to `sequelize.define` run after each write of the model.
import Keyv from 'keyv';
import { DataTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const cache = new Keyv({ ttl: 60_000 });

export const Plan = sequelize.define(
  'plan',
  { id: { type: DataTypes.INTEGER, primaryKey: true }, price: DataTypes.INTEGER },
  {
    hooks: {
      async afterUpdate(plan: any) {
        await cache.set(`plan:${plan.id}`, plan.toJSON()); // expect: set-after-commit
      },
      async afterCreate(plan: any) {
        await cache.set(`plan:${plan.id}`, plan.toJSON());
      },
    },
  },
);
