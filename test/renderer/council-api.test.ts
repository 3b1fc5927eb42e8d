import { describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { ApiError, createCouncilApi, describeError } from '../../renderer/api/council-api';
import { APP_INFO } from './support/fake-bridge';

function bridge(overrides: Partial<ApiBridge>): ApiBridge {
  return { getAppInfo: async () => ok(APP_INFO), loadDemoCouncil: async () => fail('UNUSED', 'unused'), ...overrides };
}

describe('council API client', () => {
  it('returns the value of an ok reply', async () => {
    const getAppInfo = vi.fn(async () => ok(APP_INFO));
    const api = createCouncilApi(() => bridge({ getAppInfo }));
    await expect(api.getAppInfo()).resolves.toEqual(APP_INFO);
    expect(getAppInfo).toHaveBeenCalledWith(undefined);
  });

  it('throws an ApiError with the code and message of a failed reply', async () => {
    const api = createCouncilApi(() => bridge({ loadDemoCouncil: async () => fail('BUNDLE_INVALID', 'cases.ndjson line 3: claimedLoss must not be negative') }));
    const err = await api.loadDemoCouncil().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'BUNDLE_INVALID', message: 'cases.ndjson line 3: claimedLoss must not be negative' });
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

  it('describes any thrown value with a code', () => {
    expect(describeError(new ApiError('X', 'y'))).toEqual({ code: 'X', message: 'y' });
    expect(describeError(new Error('plain'))).toEqual({ code: 'INTERNAL', message: 'plain' });
    expect(describeError('text')).toEqual({ code: 'INTERNAL', message: 'text' });
  });
});
