import { Injectable } from '@nestjs/common';

@Injectable()
export class CacheConfigService {
  readonly LESSON_PREFIX = 'lesson:';

  getLessonKey(lessonId: string, tenantId: string): string {
    return `${this.LESSON_PREFIX}${lessonId}:${tenantId}`;
  }
}
