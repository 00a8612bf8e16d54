// A read-through decorator: the decoration hands over a function building the key from the
// decorated method's arguments; a miss runs the method and stores its JSON.
import { Inject } from '@nestjs/common';
import { CacheService, CachingConfig } from './cache.service';

export function CachedEntity({ builder, options }: { builder: (...args: any[]) => string; options?: CachingConfig }) {
  const injectCache = Inject(CacheService);

  return (target: any, key: string, descriptor: PropertyDescriptor) => {
    const originalMethod = descriptor.value;
    injectCache(target, 'cacheService');

    descriptor.value = async function (...args: any[]) {
      const cacheService = this.cacheService as CacheService;
      const cacheKey = builder(...args);
      if (!cacheKey) return originalMethod.apply(this, args);

      const cached = await cacheService.get(cacheKey);
      if (cached) return JSON.parse(cached);

      const response = await originalMethod.apply(this, args);
      await cacheService.set(cacheKey, JSON.stringify(response), options);
      return response;
    };
  };
}
