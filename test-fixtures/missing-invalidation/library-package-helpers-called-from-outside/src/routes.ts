import { Router } from 'express';
import { getProduct, renameProduct } from './catalog.repository';

export const routes = Router();

routes.get('/products/:id', async (req, res) => {
  res.json(await getProduct(req.params.id));
});

routes.patch('/products/:id', async (req, res) => {
  await renameProduct(req.params.id, req.body.name);
  res.sendStatus(204);
});
