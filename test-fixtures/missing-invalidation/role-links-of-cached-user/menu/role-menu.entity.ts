// Which menus a role may open.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('sys_role_menu')
export class RoleMenuEntity {
  @PrimaryColumn() roleId!: number;
  @PrimaryColumn() menuId!: number;
}
