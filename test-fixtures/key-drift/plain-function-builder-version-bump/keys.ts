/** v3: the cached session carries the MFA state. */
export function sessionKey(sessionId: string): string {
  return `session:v3:${sessionId}`;
}
