// The admin front end, in the same repository: its store's `removeMany` is not ConfigService's,
// and nothing here imports a module that leads there, so this cache clearing clears no setting.
import { useTabStore } from '@admin/tab-store';
import { clearCache } from './tab-utils';

export function closeAll(tabIds: number[]) {
  const store = useTabStore();
  store.removeMany(tabIds);
  clearCache();
}
