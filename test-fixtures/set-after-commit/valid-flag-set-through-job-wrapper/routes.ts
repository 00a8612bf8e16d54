// valid: the set after the update writes a flag through the job's wrapper, not a copy of the row
import { Pool } from 'pg';
import { collectionRefreshJob } from './refresh-job';

const db = new Pool();

export async function refreshCollection(id: string) {
  await db.query('UPDATE collections SET refreshed_at = now() WHERE id = $1', [id]);
  await collectionRefreshJob.addToQueue(id);
}
