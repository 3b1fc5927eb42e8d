import { describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { ApiError, createCouncilApi, describeError } from '../../renderer/common/council-api';
import { APP_INFO, fakeBridge } from './support/fake-bridge';

function bridge(overrides: Partial<ApiBridge>): ApiBridge {
  return { ...fakeBridge(fail('INTERNAL', 'unused')), ...overrides };
}

describe('council API client', () => {
  it('returns the value of an ok reply', async () => {
    const getAppInfo = vi.fn(async () => ok(APP_INFO));
    const api = createCouncilApi(() => bridge({ getAppInfo }));
    await expect(api.getAppInfo()).resolves.toEqual(APP_INFO);
    expect(getAppInfo).toHaveBeenCalledWith(undefined);
  });

  it('throws an ApiError with the code and message of a failed reply', async () => {
    const api = createCouncilApi(() => bridge({ loadDemoCouncil: async () => fail('DEMO_MISSING', 'The demo bundle was not found at /app/dist/demo/demo.cdbundle.') }));
    const err = await api.loadDemoCouncil().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'DEMO_MISSING', message: 'The demo bundle was not found at /app/dist/demo/demo.cdbundle.' });
  });

  it('finds the bridge at call time, and names a missing bridge or a broken transport', async () => {
    let current: ApiBridge | undefined;
    const api = createCouncilApi(() => current);
    await expect(api.getAppInfo()).rejects.toMatchObject({ code: 'BRIDGE_MISSING' });
    current = bridge({ getAppInfo: async () => Promise.reject(new Error('ipc closed')) });
    await expect(api.getAppInfo()).rejects.toMatchObject({ code: 'BRIDGE_FAILED', message: 'ipc closed' });
    current = bridge({});
    await expect(api.getAppInfo()).resolves.toEqual(APP_INFO);
  });

  it('has every call of the contract, and asks the bridge for a dropped file\'s path', async () => {
    const api = createCouncilApi(() => bridge({ pathForFile: () => '/inbox/batch7.cdbundle', chooseBundleFile: async () => ok('/x.cdbundle') }));
    await expect(api.chooseBundleFile()).resolves.toBe('/x.cdbundle');
    expect(api.pathForFile(new File(['x'], 'batch7.cdbundle'))).toBe('/inbox/batch7.cdbundle');
    expect(createCouncilApi(() => undefined).pathForFile(new File(['x'], 'a'))).toBe('');
    const throwing = createCouncilApi(() => bridge({ pathForFile: () => { throw new Error('not from disk'); } }));
    expect(throwing.pathForFile(new File(['x'], 'a'))).toBe('');
  });

  it('describes any thrown value with a code', () => {
    expect(describeError(new ApiError('CONFIRMATION_DECLINED', 'y'))).toEqual({ code: 'CONFIRMATION_DECLINED', message: 'y' });
    expect(describeError(new Error('plain'))).toEqual({ code: 'INTERNAL', message: 'plain' });
    expect(describeError('text')).toEqual({ code: 'INTERNAL', message: 'text' });
  });

  it('keeps a code it does not know readable in the message, under INTERNAL, so a switch on codes stays complete', () => {
    expect(describeError(Object.assign(new Error('from a newer main process'), { code: 'SOMETHING_NEW' }))).toEqual({ code: 'INTERNAL', message: 'SOMETHING_NEW: from a newer main process' });
    const dexie = new Error('Key already exists in the object store.');
    dexie.name = 'ConstraintError';
    expect(describeError(dexie)).toEqual({ code: 'INTERNAL', message: 'ConstraintError: Key already exists in the object store.' });
    expect(describeError(Object.assign(new Error('no case'), { code: 'CASE_NOT_FOUND' }))).toEqual({ code: 'CASE_NOT_FOUND', message: 'no case' });
  });
});
