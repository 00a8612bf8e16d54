// Applying a coupon updates the cart row and writes the cart through to Redis.
import { Cart } from './lib/models';
import { redis } from './lib/redis';

export async function applyCoupon(cartId: string, couponCode: string) {
  const [, [cart]] = await Cart.update({ couponCode }, { where: { id: cartId }, returning: true });
  await redis.set(`cart:${cartId}`, JSON.stringify(cart), 'EX', 1800); // expect: set-after-commit
  return cart;
}
