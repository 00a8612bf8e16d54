import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const accounts = pgTable('accounts', { id: uuid('id').primaryKey(), plan: text('plan'), locale: text('locale') });
export const teams = pgTable('teams', { id: uuid('id').primaryKey(), name: text('name') });
export const db = drizzle(process.env.DATABASE_URL!);
