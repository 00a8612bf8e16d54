export { getInvoiceStats } from './invoices';
