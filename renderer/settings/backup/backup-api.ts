/**
 * What the backup and the restore need of the API: the calls of shared/contract/backup.ts as the
 * client (common/council-api.ts) makes them, each resolving with its value or throwing ApiError.
 */
import type { BackupHandlers } from '../../../shared/api';

export type BackupApi = {
  [M in keyof BackupHandlers]: Parameters<BackupHandlers[M]>[0] extends undefined ? () => ReturnType<BackupHandlers[M]> : (arg: Parameters<BackupHandlers[M]>[0]) => ReturnType<BackupHandlers[M]>;
};
