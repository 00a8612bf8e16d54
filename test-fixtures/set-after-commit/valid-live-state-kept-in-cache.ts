import Redis from 'ioredis';
import { PrismaClient, type Match } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// Look-alike: a match in progress lives in Redis. Moves change it there and nowhere else; the
// database row is a snapshot taken when the match ends. Setting the key after that snapshot is
// the update itself: a delete would throw the live state away.
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
    await this.store({ ...match, moves: [...match.moves, cell] });
  }

  async finish(id: string, winnerId: string) {
    const match = await this.get(id);
    if (!match) return;
    const row = await prisma.match.update({ where: { id }, data: { moves: match.moves, winnerId, ended: true } });
    await this.store(row);
  }
}
