import type { Redis } from 'ioredis';

// Reactions wait here until a job folds them into the notes; the set is capped, not expired.
export class ReactionBuffer {
  constructor(private readonly redis: Redis) {}

  async push(noteId: string, pair: string): Promise<void> {
    await this.redis.zadd(`reactionPairs:${noteId}`, Date.now(), pair);
  }
}
