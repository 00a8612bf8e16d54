import type { Request, Response } from 'express';
import { cacheDrop, cacheGet, cachePut } from './cache';
import { EventModel } from './event.model';

export async function show(req: Request, res: Response) {
  const { slug } = req.params;
  const cached = await cacheGet(`event:${slug}:detail`);
  if (cached) return res.json(cached);
  const event = await EventModel.findOne({ slug }).lean();
  if (!event) return res.sendStatus(404);
  await cachePut(`event:${slug}:detail`, event);
  return res.json(event);
}

export async function reschedule(req: Request, res: Response) {
  const { slug } = req.params;
  await EventModel.updateOne({ slug }, { $set: { startsAt: new Date(req.body.startsAt) } });
  await cacheDrop(`events:${slug}:detail`); // expect: key-drift
  res.sendStatus(204);
}
