// valid: Headers, URLSearchParams and URL#searchParams share the set(name, value) shape but are not caches
export async function fetchInvoices(apiBase: string, token: string, customerId: string, page: number) {
  const headers = new Headers();
  headers.set('Authorization', `Bearer ${token}`);
  headers.set('Cache-Control', 'no-store');
  const params = new URLSearchParams();
  params.set('customer', customerId);
  params.set('page', String(page));
  const url = new URL('/v1/invoices', apiBase);
  url.searchParams.set('expand', 'lines');
  const res = await fetch(`${url.toString()}&${params.toString()}`, { headers });
  return res.json();
}
