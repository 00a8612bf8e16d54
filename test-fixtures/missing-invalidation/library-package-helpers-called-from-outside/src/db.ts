import { MongoClient } from 'mongodb';

export const db = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost').db('shop');
