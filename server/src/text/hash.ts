import { createHash } from 'node:crypto';

/** Content hash of a file's text: the key of its cached facts. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
