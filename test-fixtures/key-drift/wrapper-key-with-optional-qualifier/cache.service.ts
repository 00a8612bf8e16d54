import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';

@Injectable()
export class CacheService {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  /** One module's part of the hierarchy, or the whole course's. */
  async getHierarchy(courseId: string, moduleId?: string) {
    const key = moduleId ? `course:hierarchy:${courseId}:module:${moduleId}` : `course:hierarchy:${courseId}`;
    return this.cache.get(key);
  }

  async setHierarchy(value: unknown, courseId: string, moduleId?: string) {
    const key = moduleId ? `course:hierarchy:${courseId}:module:${moduleId}` : `course:hierarchy:${courseId}`;
    await this.cache.set(key, value, 600_000);
  }

  async invalidateCourse(courseId: string) {
    await this.cache.del(`course:hierarchy:${courseId}`);
  }

  /** Spelled with the plural: the readers' key stays. */
  async invalidateCourses(courseId: string) {
    await this.cache.del(`courses:hierarchy:${courseId}`); // expect: key-drift
  }
}
