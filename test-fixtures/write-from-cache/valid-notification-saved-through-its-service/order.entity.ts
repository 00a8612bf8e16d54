import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Order {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() code!: string;
  @Column() sale!: string;
  @Column() shippedAt!: Date;
}
