import { Router } from 'express';
import { archivePrompt, archiveTag, getPrompt, getTag, renamePrompt, renameTag } from './prompts';

export const router = Router();
router.get('/prompts/:id', async (req, res) => res.json(await getPrompt(req.params.id)));
router.put('/prompts/:id', async (req, res) => res.json(await renamePrompt(req.params.id, req.body.name)));
router.delete('/prompts/:id', async (req, res) => res.json(await archivePrompt(req.params.id)));
router.get('/tags/:id', async (req, res) => res.json(await getTag(req.params.id)));
router.put('/tags/:id', async (req, res) => res.json(await renameTag(req.params.id, req.body.name)));
router.delete('/tags/:id', async (req, res) => res.json(await archiveTag(req.params.id)));
