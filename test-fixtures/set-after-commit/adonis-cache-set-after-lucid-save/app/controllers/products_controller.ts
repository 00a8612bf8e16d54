import ProductService from '#services/product_service'

export default class ProductsController {
  constructor(private products = new ProductService()) {}

  async show({ params }: any) {
    return this.products.find(params.id)
  }

  async reprice({ params, request }: any) {
    await this.products.reprice(params.id, request.input('price'))
  }

  async rename({ params, request }: any) {
    await this.products.rename(params.id, request.input('name'))
  }

  async store({ request }: any) {
    return this.products.add(request.input('name'), request.input('price'))
  }
}
