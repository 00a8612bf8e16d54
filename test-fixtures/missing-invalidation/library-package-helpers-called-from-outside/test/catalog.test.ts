import { it } from 'vitest';
import { getProduct } from '../src/catalog.repository';

it('answers a missing product with null', async () => {
  await getProduct('nope');
});
