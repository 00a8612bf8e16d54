import { prisma } from '../../../lib/db';
import { getInvoiceStats } from '../../../lib/db-queries';
import { BillingService } from '../../../lib/services/billing';

const billing = new BillingService();

export async function GET(req: Request) {
  const id = new URL(req.url).searchParams.get('id')!;
  return Response.json({ invoice: await billing.getInvoice(id), stats: await getInvoiceStats() });
}

/** Nothing reads invoice:details: the layer that fills it is only re-exported. */
export async function PATCH(req: Request) {
  const { id, status } = await req.json();
  await prisma.invoice.update({ where: { id }, data: { status } });
  return Response.json({ ok: true });
}
