/* global APP */
module.exports = {
  Mutation: {
    // the tree is patched, then each locale's fresh tree is written over the cached one: a getTree
    // that loaded the old row before the patch can put it back for five minutes
    async updateTree(obj, args) {
      await APP.models.navigation.query().patch({ config: args.tree }).where('key', 'site')
      for (const tree of args.tree) {
        await APP.cache.set(`nav:sidebar:${tree.locale}`, tree.items, 300) // expect: set-after-commit
      }
      return { ok: true }
    },
    // valid: the same update, invalidating instead
    async resetTree(obj, args) {
      await APP.models.navigation.query().patch({ config: args.tree }).where('key', 'site')
      for (const tree of args.tree) {
        await APP.cache.del(`nav:sidebar:${tree.locale}`)
      }
      return { ok: true }
    }
  }
}
