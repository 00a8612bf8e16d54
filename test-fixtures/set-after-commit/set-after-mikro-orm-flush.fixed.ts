// MikroORM unit of work: a loaded entity is changed and flushed, then cached in lru-cache.
import { EntityManager } from '@mikro-orm/core';
import { LRUCache } from 'lru-cache';
import { Author } from './author.entity';

const authors = new LRUCache<string, Author>({ max: 1000, ttl: 60_000 });

export class AuthorService {
  constructor(private readonly em: EntityManager) {}

  async changeBio(id: number, bio: string): Promise<Author> {
    const author = await this.em.findOneOrFail(Author, id);
    author.bio = bio;
    await this.em.flush();
    authors.delete(`author:${id}`); // expect: set-after-commit
    return author;
  }
}
