// The user row.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sys_user')
export class UserEntity {
  @PrimaryGeneratedColumn() userId!: number;
  @Column() password!: string;
  @Column() nickName!: string;
  @Column() status!: string;
}
