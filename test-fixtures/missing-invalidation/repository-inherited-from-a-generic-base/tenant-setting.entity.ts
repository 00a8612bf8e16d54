import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity()
export class TenantSetting {
  @PrimaryColumn() id!: string;
  @Column() tenantId!: string;
  @Column() name!: string;
  @Column() value!: string;
}
