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

  /** Served from the database unless the caller asks for the cache. */
  async read(id: string, options: ReadOptions = {}) {
    if (!options.fromCache) return this.templates.findOneBy({ id });
    return this.cache.wrap(`template:${id}`, () => this.templates.findOneBy({ id }), 60_000);
  }

  /** Look-alike: the copy comes from the database (the flag is not set), so saving a duplicate of it is safe. */
  async duplicate(id: string, options: { transaction?: unknown } = {}) {
    const t = await this.read(id, { ...options, withBlocks: true });
    if (!t) return null;
    return this.templates.save({ ...t, id: undefined });
  }
}
