import { PrismaClient } from '@prisma/client';
import { CacheService } from './cache.service';

const prisma = new PrismaClient();

export class LessonsService {
  constructor(private readonly cache: CacheService) {}

  async rename(id: string, title: string) {
    const lesson = await prisma.lesson.update({ where: { id }, data: { title } });
    await this.cache.setLesson(lesson);
    return lesson;
  }
}
