import { appCache } from './app-cache';
import { Course } from './entities';
import { dataSource } from './data-source';

export async function syllabus(courseId: string) {
  const cached = await appCache.read(`course:${courseId}:syllabus`);
  if (cached) return cached;
  const course = await dataSource.getRepository(Course).findOne({ where: { id: courseId }, relations: { lessons: true } });
  await appCache.write(`course:${courseId}:syllabus`, course?.lessons ?? []);
  return course?.lessons ?? [];
}
