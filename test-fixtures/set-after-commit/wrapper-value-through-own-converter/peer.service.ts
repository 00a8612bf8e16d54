// Peers are cached by host name; patching one writes the row, re-reads it and sets it into the
// cache. A helper called after the update stamps the row again: the finding names the update the
// cached value is rebuilt from, where the race is.
import type { Redis } from 'ioredis';
import type { Repository } from 'typeorm';
import { Tiered } from './kv';

interface Peer { id: string; host: string; blocked: boolean; seenAt?: Date }

export class PeerService {
  private readonly peers: Tiered<Peer>;

  constructor(
    redis: Redis,
    private readonly peerRepo: Repository<Peer>,
  ) {
    this.peers = new Tiered<Peer>(redis, 'peer', { encode: (v) => JSON.stringify(v), decode: (raw) => JSON.parse(raw) });
  }

  async byHost(host: string): Promise<Peer | null> {
    const hit = await this.peers.get(host);
    if (hit) return hit;
    const row = await this.peerRepo.findOneBy({ host });
    if (row) await this.peers.set(host, row);
    return row;
  }

  async block(id: string): Promise<void> {
    await this.peerRepo.update(id, { blocked: true });
    await this.touch(id);
    const row = await this.peerRepo.findOneByOrFail({ id });
    await this.peers.set(row.host, row); // expect: set-after-commit
  }

  async unblock(id: string): Promise<void> {
    await this.peerRepo.update(id, { blocked: false });
    const row = await this.peerRepo.findOneByOrFail({ id });
    await this.peers.set(row.host, row); // expect: set-after-commit
  }

  async register(host: string): Promise<Peer> {
    // a new peer: no reader can hold an older copy of it
    const row = await this.peerRepo.save({ host, blocked: false });
    await this.peers.set(host, row);
    return row;
  }

  private async touch(id: string): Promise<void> {
    await this.peerRepo.update(id, { seenAt: new Date() });
  }
}
