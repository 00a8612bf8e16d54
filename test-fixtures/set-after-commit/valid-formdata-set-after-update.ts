// valid: FormData.set builds a webhook payload after the update; nothing is cached
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function closeIssue(issueId: string, webhookUrl: string) {
  const issue = await prisma.issue.update({ where: { id: issueId }, data: { closedAt: new Date() } });
  const form = new FormData();
  form.set('issue', `issue:${issue.id}`);
  form.set('state', 'closed');
  await fetch(webhookUrl, { method: 'POST', body: form });
}
