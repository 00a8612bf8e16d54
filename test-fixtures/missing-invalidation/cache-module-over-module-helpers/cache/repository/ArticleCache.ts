// The article cache: keys by id, JSON values, through the module's helpers.
import { Types } from 'mongoose';
import { delByKey, getJson, setJson } from '../query';
import { DynamicKey, getDynamicKey } from '../keys';

interface Article {
  _id: Types.ObjectId;
  title: string;
  text: string;
}

function keyForId(id: Types.ObjectId) {
  return getDynamicKey(DynamicKey.ARTICLE, id.toHexString());
}

async function save(article: Article) {
  return setJson(keyForId(article._id), { ...article });
}

async function fetchById(id: Types.ObjectId) {
  return getJson<Article>(keyForId(id));
}

async function remove(id: Types.ObjectId) {
  return delByKey(keyForId(id));
}

export default { save, fetchById, remove };
