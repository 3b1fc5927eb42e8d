/**
 * roomDbKit's fresh database for each test, with a fake main process (fake-bridge.ts) and the API
 * client over it, made anew for each test too.
 */
import { beforeEach } from 'vitest';
import { createCouncilApi, type CouncilApi } from '../../../renderer/common/council-api';
import { demoCouncil } from './demo-council';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { roomDbKit } from './room-db-kit';

export function roomApiKit() {
  const kit = roomDbKit();
  let bridge!: FakeBridge;
  let api!: CouncilApi;
  beforeEach(() => {
    bridge = fakeBridge(demoCouncil());
    api = createCouncilApi(() => bridge);
  });
  return { ...kit, bridge: () => bridge, api: () => api };
}
