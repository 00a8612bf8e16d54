// valid: the insert is two calls away from the controller that clears the marker
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { License } from './license.model';

@Injectable()
export class LicensesRepository {
  constructor(@InjectModel(License) private readonly licenses: typeof License) {}

  findByKey(key: string) {
    return this.licenses.findOne({ where: { key } });
  }

  insertLicense(key: string, seats: number) {
    return this.licenses.create({ key, seats });
  }
}
