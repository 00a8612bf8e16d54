// One item of a dictionary (a select list of the admin UI), grouped by its type.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sys_dict_data')
export class SysDictDataEntity {
  @PrimaryGeneratedColumn() dictCode!: number;
  @Column() dictType!: string;
  @Column() dictLabel!: string;
  @Column() dictValue!: string;
}
