// A MikroORM entity hook (@AfterUpdate from @mikro-orm/core) on Invoice.
import { AfterUpdate, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import NodeCache from 'node-cache';

const cache = new NodeCache({ stdTTL: 120 });

@Entity()
export class Invoice {
  @PrimaryKey() id!: number;
  @Property() total!: number;

  @AfterUpdate()
  remember() {
    cache.del(`invoice:${this.id}`); // expect: set-after-commit
  }
}
