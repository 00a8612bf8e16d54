/* global APP */
const { Model } = require('objection')

module.exports = class Menu extends Model {
  static get tableName() { return 'menus' }

  static async getTree(locale) {
    const hit = await APP.cache.get(`nav:sidebar:${locale}`)
    if (hit) return hit
    const row = await APP.models.navigation.query().findOne('key', 'site')
    const tree = row.config.find((t) => t.locale === locale)
    await APP.cache.set(`nav:sidebar:${locale}`, tree.items, 300)
    return tree.items
  }
}
