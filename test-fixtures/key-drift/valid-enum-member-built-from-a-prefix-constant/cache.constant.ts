export const API_CACHE_PREFIX = 'mx-api-cache:';
export enum CacheKeys {
  RSS = `${API_CACHE_PREFIX}rss`,
  RSSXml = `${API_CACHE_PREFIX}rss_xml`,
  Sitemap = API_CACHE_PREFIX + 'sitemap',
}
