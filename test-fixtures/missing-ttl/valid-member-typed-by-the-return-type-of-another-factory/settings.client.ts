import { createStore } from 'zustand/vanilla';

// A store of the UI's settings, typed after what its factory returns: no cache.
export type SettingsStore = ReturnType<typeof createStore>;
