import axios from 'axios';

/** An HTTP client reached as a static member: its get/put are requests, not cache calls. */
export class Api {
  static client = axios.create({ baseURL: process.env.API_URL });
}
