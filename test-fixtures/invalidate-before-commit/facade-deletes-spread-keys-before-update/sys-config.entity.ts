import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sys_config')
export class SysConfigEntity {
  @PrimaryGeneratedColumn() configId: number;
  @Column() configKey: string;
  @Column() configName: string;
  @Column() configValue: string;
}
