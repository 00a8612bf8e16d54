// valid: the rolling spend limit lives in Redis and nowhere else (read as it is, never reloaded);
// lowering it by the paid expense's amount after the expense update is bookkeeping of its own,
// not a copy of the expense row that a reader could put back
import { createClient } from 'redis';
import { Expense } from './models';

const redis = createClient();

export async function payExpense(expenseId: number, userId: number, hostId: number) {
  const key = `${userId}_2fa_payment_limit_${hostId}`;
  const limit = JSON.parse((await redis.get(key)) ?? '{"remaining":1000}');
  const expense = await Expense.findByPk(expenseId);
  if (!expense) return;
  await expense.update({ status: 'PAID' });
  await redis.set(key, JSON.stringify({ remaining: limit.remaining - expense.amount }), { EX: 3600 });
}
