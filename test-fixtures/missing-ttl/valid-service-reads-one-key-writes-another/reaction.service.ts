import type { EmojiCache } from './emoji-cache';
import type { ReactionBuffer } from './reaction-buffer';

export class ReactionService {
  constructor(
    private readonly emojiCache: EmojiCache,
    private readonly buffer: ReactionBuffer,
  ) {}

  // reads one cached key (the emoji), then writes another (the buffer): no fill of the buffer
  async react(noteId: string, userId: string, name: string): Promise<void> {
    const emoji = await this.emojiCache.get(name);
    if (!emoji) return;
    await this.buffer.push(noteId, `${userId}/${emoji.name}`);
  }
}

export class InboxHandler {
  constructor(private readonly reactions: ReactionService) {}

  async onLike(noteId: string, userId: string, name: string): Promise<void> {
    const done = await this.reactions.react(noteId, userId, name);
    return done;
  }
}
