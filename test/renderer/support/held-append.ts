/** Main holding the next backup piece until the test lets it go: the backup stays under way meanwhile. */
import type { FakeBridge } from './fake-bridge';

export function holdNextAppend(bridge: FakeBridge): () => void {
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  const append = bridge.backupAppend.getMockImplementation()!;
  bridge.backupAppend.mockImplementationOnce(async (arg) => {
    await held;
    return append(arg);
  });
  return letGo;
}
