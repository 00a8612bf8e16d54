import type { ProfileRow, ProfileView } from './profile.dto';

// a mapper: it can reach neither the cache nor the database, so the loader need not parse it
export function toProfileView(row: ProfileRow): ProfileView {
  return { id: row.id, displayName: row.displayName.trim(), updatedAt: row.updatedAt.toISOString() };
}
