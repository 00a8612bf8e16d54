// The cache is read through a helper MemberCache inherits from BaseCache: the copy it returns is
// still the cached one, and saving it commits whatever stale fields it holds.
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Member } from './member.entity';
import { MemberCache } from './member.cache';

export class MemberService {
  constructor(@InjectRepository(Member) private readonly repo: Repository<Member>, private readonly cache: MemberCache) {}

  async findOne(id: string) {
    const hit = await this.cache.read(id);
    if (hit) return hit;
    const row = await this.repo.findOneBy({ id });
    await this.cache.write(id, row);
    return row;
  }

  async markReviewed(id: string) {
    const current = await this.cache.read(id);
    if (!current) return;
    await this.repo.save({ ...current, reviewedAt: new Date() }); // expect: write-from-cache
    await this.cache.evict(id);
  }

  // the payload comes from the database row; the cached copy only says whether to bother
  async markSeen(id: string) {
    if (!(await this.cache.read(id))) return;
    const row = await this.repo.findOneByOrFail({ id });
    await this.repo.save({ ...row, reviewedAt: new Date() });
    await this.cache.evict(id);
  }
}
