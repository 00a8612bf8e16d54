// valid: the only reader of 'lesson:{}' is a method no product code calls: the set after the
// update writes a key nobody reads, so no reader can put an older lesson back.
import Redis from 'ioredis';

const redis = new Redis();

export class CacheService {
  async getLesson(id: string) {
    const raw = await redis.get(`lesson:${id}`);
    return raw ? JSON.parse(raw) : null;
  }

  async setLesson(lesson: { id: string }) {
    await redis.set(`lesson:${lesson.id}`, JSON.stringify(lesson), 'EX', 600);
  }
}
