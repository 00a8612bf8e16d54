import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity()
export class UserPromo {
  @PrimaryColumn() userId: string;
  @PrimaryColumn() promoId: string;
  @Column({ type: 'jsonb' }) promo: unknown;
}
