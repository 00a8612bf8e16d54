import { beforeEach, it } from 'vitest';
import { clearProducts, getProduct } from '../src/catalog.repository';

beforeEach(() => clearProducts());

it('answers a missing product with null', async () => {
  await getProduct('nope');
});
