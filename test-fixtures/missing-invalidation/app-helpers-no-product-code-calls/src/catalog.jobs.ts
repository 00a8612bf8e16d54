import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { db } from './db';

@Injectable()
export class CatalogJobs {
  /** The scheduler runs it by its decorator, though no code names it: cached products keep showing. */
  @Cron('0 3 * * *')
  async hideDiscontinued() {
    await db.collection('products').updateMany({ discontinued: true }, { $set: { hidden: true } }); // expect: missing-invalidation
  }

  /** A method no code names. */
  async zeroPrices() {
    await db.collection('products').updateMany({}, { $set: { price: 0 } });
  }
}
