import { Router } from 'express';
import { addSeats, changePlan, getBilling } from './billing';

export const router = Router();
router.get('/orgs/:id/billing', async (req, res) => res.json(await getBilling(req.params.id)));
router.post('/orgs/:id/plan', async (req, res) => res.json(await changePlan(req.params.id, req.body.plan)));
router.post('/orgs/:id/seats', async (req, res) => res.json(await addSeats(req.params.id, req.body.seats)));
