import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CacheConfigService } from './cache-config.service';
import { Lesson } from './lesson.entity';

@Injectable()
export class LessonsService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(Lesson) private readonly lessons: Repository<Lesson>,
    private readonly cacheConfig: CacheConfigService,
  ) {}

  async findOne(lessonId: string, tenantId: string) {
    const key = this.cacheConfig.getLessonKey(lessonId, tenantId);
    const hit = await this.cache.get<Lesson>(key);
    if (hit) return hit;
    const lesson = await this.lessons.findOneBy({ lessonId, tenantId });
    await this.cache.set(key, lesson, 600_000);
    return lesson;
  }

  /** The key comes from the injected config service: the same 'lesson:{}:{}' the reader fills. */
  async rename(lessonId: string, tenantId: string, title: string) {
    await this.lessons.update({ lessonId, tenantId }, { title });
    await this.cache.del(this.cacheConfig.getLessonKey(lessonId, tenantId));
  }

  async archive(lessonId: string, tenantId: string) {
    await this.lessons.update({ lessonId, tenantId }, { archived: true }); // expect: missing-invalidation
  }
}
