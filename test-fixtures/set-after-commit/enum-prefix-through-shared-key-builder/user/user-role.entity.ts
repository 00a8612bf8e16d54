import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sys_user_role')
export class UserRole {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() userId!: string;
  @Column() roleId!: string;
}
