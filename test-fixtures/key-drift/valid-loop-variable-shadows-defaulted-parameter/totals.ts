import Redis from 'ioredis';
import { Pool } from 'pg';

export const redis = new Redis();
const db = new Pool();

export class Totals {
  public static async readTotal(id: string): Promise<number> {
    const hit = await redis.get(`total_${id}`);
    if (hit) return Number(hit);
    const { rows } = await db.query('SELECT sum(amount) AS total FROM sales WHERE collection_id = $1', [id]);
    if (rows[0]) await redis.set(`total_${id}`, rows[0].total, 'EX', 86_400);
    return rows[0]?.total ?? 0;
  }

  /** Recomputes the totals: of one collection, or of all of them when none is named. */
  public static async refreshTotals(useClean = false, collectionId = ''): Promise<boolean> {
    try {
      const { rows } = await db.query('SELECT collection_id, sum(amount) AS total FROM sales GROUP BY 1', [useClean]);
      await db.query('UPDATE collections SET total = $1 WHERE id = $2', [rows[0].total, collectionId]);
      // the loop's own collectionId, not the parameter: each collection's key is written
      for (const collectionId of rows.map((r: { collection_id: string }) => r.collection_id)) {
        const total = rows[0].total;
        await redis.set(`total_${collectionId}`, total, 'EX', 86_400);
      }
    } catch {
      return false;
    }
    return true;
  }
}
