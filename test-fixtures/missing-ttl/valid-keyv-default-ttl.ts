// valid: new Keyv({ ttl }) expires every entry, and a per-call ttl argument does too
import Keyv from 'keyv';

const sessions = new Keyv({ namespace: 'sessions', ttl: 1000 * 60 * 30 });
const tokens = new Keyv();

export async function saveSession(sid: string, data: object) {
  await sessions.set(`sess:${sid}`, data);
}

export async function saveResetToken(userId: string, token: string) {
  await tokens.set(`reset:${userId}`, token, 15 * 60 * 1000);
}
