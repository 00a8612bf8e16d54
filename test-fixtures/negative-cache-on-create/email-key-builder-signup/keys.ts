export function userByEmailKey(email: string): string {
  return `user:by-email:${email.toLowerCase()}`;
}

export const userKey = (id: string) => `user:${id}`;
