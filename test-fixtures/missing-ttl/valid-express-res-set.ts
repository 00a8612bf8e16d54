// valid: Express res.set(field, value) writes a response header, and app.set a setting
import express, { type Request, type Response } from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
app.set('trust proxy', 1);

app.put('/products/:id', async (req: Request, res: Response) => {
  const product = await prisma.product.update({ where: { id: req.params.id }, data: req.body });
  res.set('ETag', `"${product.version}"`);
  res.set({ 'Cache-Control': 'private, max-age=0', 'X-Product-Id': product.id });
  res.json(product);
});

export { app };
