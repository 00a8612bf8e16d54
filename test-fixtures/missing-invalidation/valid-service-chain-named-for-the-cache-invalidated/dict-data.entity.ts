import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('dict_data')
export class DictData {
  @PrimaryGeneratedColumn() id!: number;
  @Column() dictType!: string;
  @Column() label!: string;
}
