// A transaction callback that never uses the manager it is handed: the writes inside go
// through injected repositories and commit as they run, so the delete after them follows the
// commit. The second method does use its manager: its delete runs before the commit.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import Redis from 'ioredis';
import { Actor } from './actor.entity';

const redis = new Redis();

@Injectable()
export class ActorService {
  constructor(@InjectRepository(Actor) private readonly actors: Repository<Actor>) {}

  async profile(id: string) {
    const hit = await redis.get(`actor:${id}`);
    if (hit) return JSON.parse(hit);
    const actor = await this.actors.findOneByOrFail({ id });
    await redis.set(`actor:${id}`, JSON.stringify(actor), 'EX', 600);
    return actor;
  }

  async remove(id: string) {
    await this.actors.manager.transaction(async () => {
      await this.actors.delete(id);
      await redis.del(`actor:${id}`);
    });
  }

  async removeInTransaction(id: string) {
    await this.actors.manager.transaction(async (manager) => {
      await manager.delete(Actor, id);
      await redis.del(`actor:${id}`); // expect: invalidate-before-commit
    });
  }
}
