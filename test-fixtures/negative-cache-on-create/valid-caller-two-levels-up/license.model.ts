// valid: a Sequelize model definition
import { Column, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'licenses' })
export class License extends Model {
  @Column key!: string;
  @Column seats!: number;
}
