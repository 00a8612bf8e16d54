/* global APP */
// the app's services hang on one global namespace, filled at start-up
module.exports = {
  async init() {
    APP.cache = require('./cache').init()
    APP.models = require('./db').models
  }
}
