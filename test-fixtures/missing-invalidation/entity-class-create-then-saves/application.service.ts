// An open application is cached only once found; creating one inserts a row nobody can have
// cached (a second save of the new row fills in what the insert assigned). Moving it to another
// state is an update of a cached row.
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Application } from './application.entity';

@Injectable()
export class ApplicationService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(Application) private readonly applications: Repository<Application>,
  ) {}

  async findOpen(userId: string, roleSetId: string) {
    const key = `application:${userId}:${roleSetId}`;
    const hit = await this.cache.get<Application>(key);
    if (hit) return hit;
    const application = await this.applications.findOne({ where: { userId, roleSetId, state: 'open' } });
    if (application) await this.cache.set(key, application, 300_000);
    return application;
  }

  async create(userId: string, roleSetId: string) {
    const application = Application.create({ userId, roleSetId, state: 'open' });
    await this.applications.save(application);
    application.state = 'new';
    return this.applications.save(application);
  }

  async approve(application: Application) {
    application.state = 'approved';
    await this.applications.save(application); // expect: missing-invalidation
  }
}
