import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, type Cache } from '@nestjs/cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Step } from './step.entity';

@Injectable()
export class StepsService {
  constructor(
    @InjectRepository(Step) private readonly steps: Repository<Step>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async findOne(id: string) {
    const hit = await this.cache.get<Step>(`step:${id}`);
    if (hit) return hit;
    const step = await this.steps.findOneBy({ id });
    await this.cache.set(`step:${id}`, step);
    return step;
  }

  async rename(id: string, name: string) {
    await this.steps.update(id, { name }); // expect: missing-invalidation
  }
}
