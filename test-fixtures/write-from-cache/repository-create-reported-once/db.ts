import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';

export const merchants = pgTable('merchants', { id: text('id').primaryKey(), ownerWallet: text('owner_wallet') });
export const transfers = pgTable('transfers', { merchantId: text('merchant_id'), fromWallet: text('from_wallet'), toWallet: text('to_wallet') });
export const db = drizzle(process.env.DATABASE_URL!);
