// valid: the handler answers 404 on a miss and writes its own state back: a read-modify-write of
// the store, not a read-through fill, so 'crawl:{}' is no cache of a database row
import type { Request, Response } from 'express';
import { getCrawl, saveCrawl } from './crawl-store';

export async function cancelCrawl(req: Request, res: Response) {
  const crawl = await getCrawl(req.params.id);
  if (!crawl) {
    return res.status(404).json({ error: 'Crawl not found' });
  }
  crawl.cancelled = true;
  await saveCrawl(req.params.id, crawl);
  res.json({ status: 'cancelled' });
}
