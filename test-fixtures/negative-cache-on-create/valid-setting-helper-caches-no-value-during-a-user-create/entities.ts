import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sys_config')
export class SysConfig {
  @PrimaryGeneratedColumn() id!: number;
  @Column() configKey!: string;
  @Column() configValue!: string;
}

@Entity('user')
export class User {
  @PrimaryGeneratedColumn() id!: number;
  @Column() username!: string;
  @Column() password!: string;
}
