// valid: Express `res.set` sets response headers, even right after a database update
import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.put('/api/todos/:id', async (req, res) => {
  const todo = await prisma.todo.update({ where: { id: req.params.id }, data: { done: Boolean(req.body.done) } });
  res.set('Cache-Control', 'no-store');
  res.set('ETag', `todo:${todo.id}:${todo.updatedAt.toISOString()}`);
  res.json(todo);
});

export { app };
