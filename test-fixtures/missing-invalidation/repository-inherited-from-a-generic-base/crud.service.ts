import { Repository } from 'typeorm';

/** A base service: each subclass hands it the repository of its own entity. */
export abstract class CrudService<T extends { id: string }> {
  constructor(protected readonly typeOrmRepository: Repository<T>) {}

  findAll(where: Partial<T>) {
    return this.typeOrmRepository.find({ where: where as never });
  }
}
