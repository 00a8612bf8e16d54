// valid: the update drops the type's cached list after the write; the next read refills it
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
import { DictUtils } from './dict.utils';

@Entity()
export class SysDictData {
  @PrimaryGeneratedColumn() id: number;
  @Column() dictType: string;
  @Column() label: string;
}

@Injectable()
export class DictDataService {
  constructor(
    private readonly dictUtils: DictUtils,
    @InjectRepository(SysDictData) private readonly repo: Repository<SysDictData>,
  ) {}

  async listByType(dictType: string) {
    let rows = await this.dictUtils.getDictCache(dictType);
    if (rows) return rows;
    rows = await this.repo.find({ where: { dictType } });
    await this.dictUtils.setDictCache(dictType, rows);
    return rows;
  }

  async update(data: SysDictData) {
    await this.repo.update(data.id, data);
    await this.dictUtils.removeDictCache(data.dictType);
  }
}
