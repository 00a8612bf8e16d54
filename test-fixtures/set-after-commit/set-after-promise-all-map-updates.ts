// Reordering updates every position in parallel, then caches the new order under the list key.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { Lesson } from './lesson.entity';

@Injectable()
export class LessonsService {
  constructor(
    @InjectRepository(Lesson) private readonly lessonRepository: Repository<Lesson>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async reorder(courseId: number, orderedIds: number[]): Promise<Lesson[]> {
    await Promise.all(orderedIds.map((id, position) => this.lessonRepository.update({ id, courseId }, { position })));
    const lessons = await this.lessonRepository.find({ where: { courseId }, order: { position: 'ASC' } });
    await this.cache.set(`lesson:course:${courseId}`, lessons, 600_000); // expect: set-after-commit
    return lessons;
  }
}
