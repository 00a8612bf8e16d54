import { db, transfers } from './db';

export class TransferRepository {
  create(values: { merchantId: string; fromWallet: string; toWallet: string }) {
    return db.insert(transfers).values(values);
  }
}
