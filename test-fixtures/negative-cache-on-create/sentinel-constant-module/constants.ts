/** Cached in place of a user that does not exist, so unknown ids don't reach the database. */
export const USER_NOT_FOUND = '__NOT_FOUND__';
export const NEGATIVE_TTL_SECONDS = 30;
