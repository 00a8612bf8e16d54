import { Column, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'repositories' })
export class Repository extends Model {
  @Column declare name: string;
  @Column declare locked: boolean;
}
