const express = require('express')
const Team = require('./Team')
const Project = require('./Project')

const router = express.Router()

router.patch('/teams/:id', async (req, res) => {
  const team = await Team.getTeam(req.params.id)
  await team.update({ name: req.body.name })
  res.json(team)
})

router.patch('/projects/:id', async (req, res) => {
  const project = await Project.getProject(req.params.id)
  await project.update({ name: req.body.name })
  res.json(project)
})

module.exports = router
