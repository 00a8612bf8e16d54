import type { Repository } from 'typeorm';
import type { Block, CacheRegistry } from './registry';

interface AuditEntry { id: string; action: string }

export class BlockService {
  constructor(
    private readonly blocks: Repository<Block>,
    private readonly audit: Repository<AuditEntry>,
    private readonly caches: CacheRegistry,
  ) {}

  async isBlocked(blockerId: string, blockeeId: string): Promise<boolean> {
    return (await this.caches.blockedBy.fetch(blockerId)).includes(blockeeId);
  }

  // the insert adds a row to the list the refresh reloads: an older list read before it can land after
  async block(blockerId: string, blockeeId: string): Promise<void> {
    await this.blocks.insert({ id: `${blockerId}:${blockeeId}`, blockerId, blockeeId });
    await this.caches.blockedBy.refresh(blockerId); // expect: set-after-commit
  }

  async unblock(blockerId: string, blockeeId: string): Promise<void> {
    await this.blocks.delete({ blockerId, blockeeId });
    await this.caches.blockedBy.refresh(blockerId); // expect: set-after-commit
  }

  // look-alike: the entry is dropped, the next read reloads it
  async unblockAndDrop(blockerId: string, blockeeId: string): Promise<void> {
    await this.blocks.delete({ blockerId, blockeeId });
    await this.caches.blockedBy.del(blockerId);
  }

  // look-alike: warming the cache with no write before it
  async warm(blockerId: string): Promise<void> {
    await this.caches.blockedBy.refresh(blockerId);
  }

  // look-alike: the only write before the refresh is of another table
  async recordAndWarm(blockerId: string): Promise<void> {
    await this.audit.insert({ id: blockerId, action: 'warm' });
    await this.caches.blockedBy.refresh(blockerId);
  }
}
