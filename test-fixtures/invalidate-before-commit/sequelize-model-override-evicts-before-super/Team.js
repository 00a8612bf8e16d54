const { LRUCache } = require('lru-cache')
const { Model } = require('sequelize')

// an in-process copy of team rows, read through by the model's own static finder
const teams = new LRUCache({ max: 500, ttl: 3_600_000 })

class Team extends Model {
  static async getTeam(id) {
    const hit = teams.get(`team:${id}`)
    if (hit) return hit
    const row = await this.findByPk(id)
    if (row) teams.set(`team:${id}`, row)
    return row
  }

  // the override evicts, then lets Sequelize run the UPDATE: a request that misses in between
  // loads the old row and caches it again, with no expiry
  async update(values, options) {
    teams.delete(`team:${this.id}`) // expect: invalidate-before-commit
    return await super.update(values, options)
  }

  async save(options) {
    teams.delete(`team:${this.id}`) // expect: invalidate-before-commit
    return await super.save(options)
  }
}

module.exports = Team
