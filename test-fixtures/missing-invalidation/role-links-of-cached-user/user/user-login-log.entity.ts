// One row per login: never part of the cached user.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sys_user_login_log')
export class UserLoginLogEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column() userId!: number;
  @Column() ip!: string;
}
