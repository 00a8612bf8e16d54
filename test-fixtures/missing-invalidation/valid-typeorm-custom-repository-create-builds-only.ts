// A TypeORM custom repository: `create` builds an entity in memory (synchronously) and writes
// nothing; the preview below never saves it, so the cached tag list stays right.
import { Repository } from 'typeorm';
import Redis from 'ioredis';

class Tag {
  id!: number;
  name!: string;
}

class TagRepository extends Repository<Tag> {}

export class TagService {
  constructor(
    private readonly tagRepo: TagRepository,
    private readonly redis: Redis,
  ) {}

  async allTags(): Promise<Tag[]> {
    const hit = await this.redis.get('tags:all');
    if (hit) return JSON.parse(hit);
    const tags = await this.tagRepo.find();
    await this.redis.set('tags:all', JSON.stringify(tags), 'EX', 600);
    return tags;
  }

  /** What the tag would look like, for the form's preview. */
  preview(name: string): Tag {
    return this.tagRepo.create({ name: name.trim() });
  }
}
