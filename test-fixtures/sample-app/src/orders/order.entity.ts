// Orders live in the fulfilment database, mapped with TypeORM (the catalog uses Prisma).
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderLine {
  productId: string;
  quantity: number;
  /** the price when the order was placed; later price changes don't touch it */
  unitPriceCents: number;
}

@Entity({ name: 'orders' })
export class Order {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id' })
  userId!: string;

  @Column('jsonb')
  lines!: OrderLine[];

  @Column('int', { name: 'total_cents' })
  totalCents!: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OrderStatus;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
