import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Step {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
}
