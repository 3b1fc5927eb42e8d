/** Whether the page runs in the desktop app or in browser mode (null until the main process has said). */
import type { AppMode } from '../../shared/api';
import { useServices } from './services';
import { useAsyncValue } from './use-async-value';

export function useAppMode(): AppMode | null {
  const { api } = useServices();
  const info = useAsyncValue(() => api.getAppInfo(), [api]);
  return info.state === 'done' ? info.value.mode : null;
}
