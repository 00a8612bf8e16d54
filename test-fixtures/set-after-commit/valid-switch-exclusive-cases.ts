// valid: each switch case is its own path; the set on the `refresh` case follows only a read
import Redis from 'ioredis';
import type { Knex } from 'knex';

const redis = new Redis();

export async function handleCommand(knex: Knex, cmd: { type: 'rename' | 'refresh'; id: number; name?: string }) {
  switch (cmd.type) {
    case 'rename':
      await knex('stores').where({ id: cmd.id }).update({ name: cmd.name });
      await redis.del(`store:${cmd.id}`);
      break;
    case 'refresh': {
      const store = await knex('stores').where({ id: cmd.id }).first();
      await redis.set(`store:${cmd.id}`, JSON.stringify(store), 'EX', 300);
      break;
    }
  }
}
