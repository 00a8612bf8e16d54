import Redis from 'ioredis';
import { PrismaClient, type Match } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// The same service, but nothing changes the cached match in place: the row is the truth and the
// key only a copy of it, so the set after the update races another writer's.
export class Matches {
  private key(id: string) {
    return `match:live:${id}`;
  }

  private async store(match: Match) {
    await redis.set(this.key(match.id), JSON.stringify(match), 'EX', 3600);
  }

  async get(id: string): Promise<Match | null> {
    const raw = await redis.get(this.key(id));
    if (raw) return JSON.parse(raw);
    const row = await prisma.match.findUnique({ where: { id } });
    if (row) await this.store(row);
    return row;
  }

  async move(id: string, cell: number) {
    const match = await this.get(id);
    if (!match || match.ended) return;
    await prisma.match.update({ where: { id }, data: { moves: [...match.moves, cell] } }); // expect: write-from-cache, missing-invalidation
  }

  async finish(id: string, winnerId: string) {
    const row = await prisma.match.update({ where: { id }, data: { winnerId, ended: true } });
    await this.store(row); // expect: set-after-commit
  }
}
