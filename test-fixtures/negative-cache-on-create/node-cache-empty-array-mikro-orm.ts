import NodeCache from 'node-cache';
import { EntityManager } from '@mikro-orm/postgresql';
import { Address } from './address.entity';

const cache = new NodeCache({ stdTTL: 120 });

export class AddressBook {
  constructor(private readonly em: EntityManager) {}

  async addressesOf(customerId: string): Promise<Address[]> {
    const cached = cache.get<Address[]>(`addresses:${customerId}`);
    if (cached) return cached;
    const found = await this.em.find(Address, { customer: customerId });
    // an empty list is cached too: most customers never save an address
    cache.set(`addresses:${customerId}`, found.length > 0 ? found : []);
    return found;
  }

  async addAddress(customerId: string, line1: string, city: string) {
    await this.em.insert(Address, { customer: customerId, line1, city }); // expect: negative-cache-on-create
  }
}
