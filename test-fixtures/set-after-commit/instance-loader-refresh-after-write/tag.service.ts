import type { Repository } from 'typeorm';
import type { CacheRegistry, Tag } from './registry';

export class TagService {
  constructor(
    private readonly tags: Repository<Tag>,
    private readonly caches: CacheRegistry,
  ) {}

  async list(): Promise<Tag[]> {
    return this.caches.allTags.fetch();
  }

  async rename(id: string, label: string): Promise<void> {
    await this.tags.update(id, { label });
    await this.caches.allTags.refresh(); // expect: set-after-commit
  }

  // look-alike: the same change, and the whole list is dropped instead
  async relabel(id: string, label: string): Promise<void> {
    await this.tags.update(id, { label });
    await this.caches.allTags.del();
  }
}
