import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CacheService } from './cache.service';
import { Course } from './course.entity';

@Injectable()
export class CoursesService {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    private readonly cache: CacheService,
  ) {}

  async hierarchy(courseId: string, moduleId?: string) {
    const hit = await this.cache.getHierarchy(courseId, moduleId);
    if (hit) return hit;
    const course = await this.courses.findOne({ where: { id: courseId }, relations: ['modules'] });
    await this.cache.setHierarchy(course, courseId, moduleId);
    return course;
  }

  async rename(courseId: string, title: string) {
    await this.courses.update(courseId, { title });
    await this.cache.invalidateCourse(courseId);
  }

  async retitle(courseId: string, title: string) {
    await this.courses.update(courseId, { title });
    await this.cache.invalidateCourses(courseId);
  }
}
