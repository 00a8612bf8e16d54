import cache from '@adonisjs/cache/services/main'
import Product from '#models/product'

export default class ProductService {
  async find(id: number) {
    return cache.getOrSet({
      key: `product:${id}`,
      factory: () => Product.findOrFail(id),
      ttl: '10m',
    })
  }

  // write-through: a request that loaded the old row before this save can set it after
  async reprice(id: number, price: number) {
    const product = await Product.findOrFail(id)
    product.merge({ price })
    await product.save()
    await cache.set({ key: `product:${id}`, value: product.serialize(), ttl: '10m' }) // expect: set-after-commit
  }

  // the next find() loads the committed row
  async rename(id: number, name: string) {
    const product = await Product.findOrFail(id)
    product.name = name
    await product.save()
    await cache.delete({ key: `product:${id}` })
  }

  // a new row: nobody can hold an older copy of it
  async add(name: string, price: number) {
    const product = await Product.create({ name, price })
    await cache.set({ key: `product:${product.id}`, value: product.serialize() })
    return product
  }
}
