export { redis } from './redis';
export {
  InvoiceCacheManager,
  getInvoiceCacheManager,
  getInvoice,
  getInvoiceStats,
} from './managers/invoice-cache';
export { getPage } from './managers/page-cache';
export * from './managers/product-cache';
export { getOrder } from './managers/order-cache';
