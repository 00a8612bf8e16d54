// valid: the overrides write first and evict after the write
const { LRUCache } = require('lru-cache')
const { Model } = require('sequelize')

const projects = new LRUCache({ max: 500, ttl: 3_600_000 })

class Project extends Model {
  static async getProject(id) {
    const hit = projects.get(`project:${id}`)
    if (hit) return hit
    const row = await this.findByPk(id)
    if (row) projects.set(`project:${id}`, row)
    return row
  }

  async update(values, options) {
    const saved = await super.update(values, options)
    projects.delete(`project:${this.id}`)
    return saved
  }

  async save(options) {
    const saved = await super.save(options)
    projects.delete(`project:${this.id}`)
    return saved
  }
}

module.exports = Project
