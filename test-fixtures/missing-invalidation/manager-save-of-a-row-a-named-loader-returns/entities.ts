import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity()
export class Invoice {
  @PrimaryColumn() id!: string;
  @Column() tenantId!: string;
  @Column() balanceDue!: number;
}

@Entity()
export class Payment {
  @PrimaryColumn() id!: string;
  @Column() invoiceId!: string;
  @Column() amount!: number;
  @Column() tenantId!: string;
}
