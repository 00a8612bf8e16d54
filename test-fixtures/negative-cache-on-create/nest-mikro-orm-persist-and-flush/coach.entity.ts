import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'coaches' })
export class Coach {
  @PrimaryKey() id!: string;
  @Property() licenceNo!: string;
  @Property() name!: string;
}
