// valid: an entity definition, no cache in sight
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('tickets')
export class Ticket {
  @PrimaryColumn() ref!: string;
  @Column() subject!: string;
}
