// Mongoose: load a document, change it, save it, then write the JSON through to Redis.
import Redis from 'ioredis';
import mongoose from 'mongoose';

const redis = new Redis();
const Playlist = mongoose.model('Playlist', new mongoose.Schema({ name: String, trackIds: [String] }));

export async function addTrack(playlistId: string, trackId: string) {
  const playlist = await Playlist.findById(playlistId);
  if (!playlist) throw new Error(`playlist ${playlistId} not found`);
  playlist.trackIds.push(trackId);
  await playlist.save();
  await redis.set(`playlist:${playlistId}`, JSON.stringify(playlist.toJSON()), 'EX', 900); // expect: set-after-commit
  return playlist;
}
