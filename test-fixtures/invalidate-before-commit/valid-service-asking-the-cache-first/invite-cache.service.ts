import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class InviteCacheService {
  constructor(private readonly redis: Redis) {}
  private key(userId: string, setId: string) {
    return `openInvitation:${userId}:${setId}`;
  }
  async getOpenInvitationFromCache(userId: string, setId: string) {
    const raw = await this.redis.get(this.key(userId, setId));
    return raw ? JSON.parse(raw) : undefined;
  }
  async setOpenInvitationCache(userId: string, setId: string, invitation: unknown) {
    await this.redis.set(this.key(userId, setId), JSON.stringify(invitation), 'EX', 300);
  }
  async deleteOpenInvitationFromCache(userId: string, setId: string) {
    await this.redis.del(this.key(userId, setId));
  }
}
