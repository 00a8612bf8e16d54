// valid: recording a click counts it on the link row (a tally and its time, nothing a reader caches).
import { connect } from '@planetscale/database';

const conn = connect({ url: process.env.DATABASE_URL });

export async function recordClick(linkId: string) {
  await conn.execute('UPDATE Link SET clicks = clicks + 1, lastClicked = NOW() WHERE id = ?', [linkId]);
}
