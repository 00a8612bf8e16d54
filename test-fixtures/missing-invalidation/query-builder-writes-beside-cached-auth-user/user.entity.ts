import { Entity, PrimaryGeneratedColumn, Column } from 'typeorm';

@Entity()
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column() githubId!: string;
  @Column() firstName!: string;
  @Column() cityName!: string;
  @Column() discord!: string;
}
