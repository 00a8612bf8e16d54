import { Column, Model, Table } from 'sequelize-typescript';

@Table
export class Track extends Model {
  @Column title!: string;
  @Column albumId!: string | null;
}

@Table
export class User extends Model {
  @Column login!: string;
  @Column password!: string;
}
