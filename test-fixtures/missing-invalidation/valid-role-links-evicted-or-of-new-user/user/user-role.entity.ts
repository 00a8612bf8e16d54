// The link table between users and roles: one row per role a user holds.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('sys_user_role')
export class UserWithRoleEntity {
  @PrimaryColumn() userId!: number;
  @PrimaryColumn() roleId!: number;
}
