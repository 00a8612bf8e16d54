import { DataTypes } from 'sequelize'

export const models = {}

export function defineModels (sequelize) {
  models.users = sequelize.define('users', { id: { type: DataTypes.UUID, primaryKey: true }, name: DataTypes.STRING })
  models.sites = sequelize.define('sites', { id: { type: DataTypes.UUID, primaryKey: true }, address: DataTypes.JSONB })
}
