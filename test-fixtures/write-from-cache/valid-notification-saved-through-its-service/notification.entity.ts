import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() content!: string;
  @Column() entityId!: string;
  @Column() user!: string;
}
