import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
export const accounts = pgTable('org_accounts', { id: text('id') });
export const db = drizzle(process.env.DB!);
