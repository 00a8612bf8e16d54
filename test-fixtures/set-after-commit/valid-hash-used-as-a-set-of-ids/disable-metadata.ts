// valid: the hash is the switch itself (read as it is, never reloaded); adding an id marks it, it copies no row
import { Pool } from 'pg';
import { MetadataStatus } from './metadata-status';

const db = new Pool();

export async function setMetadataDisabled(collections: string[], disable: boolean) {
  await db.query('UPDATE collections SET metadata_disabled = $1 WHERE id = ANY($2)', [disable, collections]);
  if (disable) await MetadataStatus.disable(collections);
  else await MetadataStatus.enable(collections);
}
