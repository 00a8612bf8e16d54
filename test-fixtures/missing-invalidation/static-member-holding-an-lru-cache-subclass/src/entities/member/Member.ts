import { Entity, PrimaryGeneratedColumn, Column } from '@mikro-orm/core';
import Cache from '@core/cache/Cache';

@Entity()
export default class Member {
  static cache: Cache = new Cache();

  @PrimaryGeneratedColumn() id: string;
  @Column() name: string;
}
