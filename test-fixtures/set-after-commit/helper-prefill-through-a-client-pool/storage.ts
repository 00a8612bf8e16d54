export enum StorageTopic { Boot = 'boot', Search = 'search' }
export enum StorageKey { Promo = 'promo', Reset = 'reset' }
export const generateStorageKey = (topic: StorageTopic, key: string, identifier: string): string => `${topic}:${key}:${identifier}`;
export const Asleep = 'ASLEEP';
