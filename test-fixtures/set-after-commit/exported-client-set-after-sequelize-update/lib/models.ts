// Sequelize models of the shop.
import { DataTypes, Model, Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL!);

export class Cart extends Model {
  declare id: string;
  declare couponCode: string | null;
}

Cart.init({ id: { type: DataTypes.UUID, primaryKey: true }, couponCode: DataTypes.STRING }, { sequelize, tableName: 'carts' });
