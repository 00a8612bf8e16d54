import { appCache } from './app-cache';
import { Lesson } from './entities';
import { dataSource } from './data-source';

export async function addLesson(courseId: string, title: string) {
  await dataSource.getRepository(Lesson).insert({ courseId, title });
  // the syllabus is cached under course:<id>:syllabus; nothing ever caches course:<id>
  await appCache.drop(`course:${courseId}`); // expect: key-drift
}
