import { Cache } from 'cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Template } from './template.entity';

interface ReadOptions {
  fromCache?: boolean;
  withBlocks?: boolean;
}

@Injectable()
export class TemplateService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(Template) private readonly templates: Repository<Template>,
  ) {}

  /** Served from the cache only when the caller asks for it. */
  async read(id: string, options: ReadOptions = {}) {
    if (options.fromCache) return this.cache.wrap(`template:${id}`, () => this.templates.findOneBy({ id }), 60_000);
    return this.templates.findOneBy({ id });
  }

  /** This caller asks for the cached copy, then saves a row built from it. */
  async rename(id: string, title: string) {
    const t = await this.read(id, { fromCache: true });
    await this.templates.save({ ...t, title }); // expect: write-from-cache, missing-invalidation
  }
}
