/** Reads a Blob's bytes and turns them into a value (once per Blob); a read that fails is reported. */
import { useEffect, useState } from 'react';

export type BlobValue<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed' };

export function useBlobValue<T>(blob: Blob, make: (bytes: Uint8Array) => T): BlobValue<T> {
  const [state, setState] = useState<BlobValue<T>>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    blob
      .arrayBuffer()
      .then((buffer) => {
        if (!cancelled) setState({ kind: 'ready', value: make(new Uint8Array(buffer)) });
      })
      .catch(() => {
        if (!cancelled) setState({ kind: 'failed' });
      });
    return () => {
      cancelled = true;
    };
    // make is a module-level function in every caller
    // (a new one each render would read the Blob again)
  }, [blob]);
  return state;
}
