// CommonJS Express router: Mongoose update, then the fresh document is written back to Redis.
const express = require('express');
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis(process.env.REDIS_URL);
const Listing = mongoose.model('Listing', new mongoose.Schema({ title: String, priceCents: Number }));
const router = express.Router();

router.patch('/listings/:id', async (req, res, next) => {
  try {
    const listing = await Listing.findOneAndUpdate({ _id: req.params.id }, { $set: req.body }, { new: true });
    if (!listing) return res.sendStatus(404);
    await redis.del(`listing:${req.params.id}`); // expect: set-after-commit
    res.json(listing);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
