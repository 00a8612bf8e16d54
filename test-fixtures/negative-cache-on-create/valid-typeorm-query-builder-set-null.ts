// valid: a TypeORM query builder's set({ ...: null }) writes a column, not a cache entry
import { DataSource } from 'typeorm';
import { Device } from './device.entity';

export class DevicesService {
  constructor(private readonly dataSource: DataSource) {}

  async detach(serial: string) {
    const device = await this.dataSource.getRepository(Device).findOneBy({ serial });
    if (!device) return;
    await this.dataSource.createQueryBuilder().update(Device).set({ ownerId: null }).where('serial = :serial', { serial }).execute();
  }

  async register(serial: string) {
    const repo = this.dataSource.getRepository(Device);
    return repo.save(repo.create({ serial }));
  }
}
