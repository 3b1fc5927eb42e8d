import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api';
import { createFakeElectron } from './fakes/fake-electron';

const fake = createFakeElectron();
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('electron/preload.ts', () => {
  it('exposes exactly the contract calls and pathForFile as window.councilDesk, each call invoking its council: channel', async () => {
    await import('../../electron/preload');
    expect([...fake.record.exposed.keys()]).toEqual(['councilDesk']);
    const bridge = fake.record.exposed.get('councilDesk') as Record<string, (arg: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'pathForFile'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge.pathForFile!({ path: '/media/usb/inbox/b07.cdbundle' })).toBe('/media/usb/inbox/b07.cdbundle');
    for (const method of API_METHODS) {
      await bridge[method]!(undefined);
    }
    expect(fake.record.invoked.map((c) => c.channel)).toEqual(API_METHODS.map((m) => `council:${m}`));
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(bridge))).not.toContain('ipcRenderer');
  });
});
