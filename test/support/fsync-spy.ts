/**
 * Every fsync the code under test asks for, by the path of the file or folder it opened. In a
 * test file: vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsync-spy')).spyOnFsyncs(importOriginal)),
 * then read (and empty, before each test) `synced`.
 */
export const synced: string[] = [];

export async function spyOnFsyncs(importOriginal: () => Promise<unknown>): Promise<unknown> {
  const real = (await importOriginal()) as typeof import('node:fs/promises');
  const open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      synced.push(String(args[0]));
      return sync();
    };
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
}
