/**
 * jsdom's FileReader reads jsdom's Blobs only, and setup.ts swaps Blob for Node's (which clones
 * into fake-indexeddb like Chromium's). This FileReader reads Node's Blobs as Chromium's reads
 * its own: the result once loaded, onload/onerror called with the reader as the event's target
 * (dexie-export-import's importInto reads rows.json so).
 */
import { Blob as NodeBlob } from 'node:buffer';

type Handler = ((event: { target: NodeFileReader }) => void) | null;

export class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  error: Error | null = null;
  readyState = 0;
  onload: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  onloadend: Handler = null;

  private read(blob: unknown, as: (b: NodeBlob) => Promise<ArrayBuffer | string>): void {
    if (!(blob instanceof NodeBlob)) throw new TypeError("Failed to execute 'read' on 'FileReader': parameter 1 is not of type 'Blob'.");
    this.readyState = 1;
    as(blob).then(
      (result) => {
        this.result = result;
        this.readyState = 2;
        this.onload?.({ target: this });
        this.onloadend?.({ target: this });
      },
      (err: unknown) => {
        this.error = err instanceof Error ? err : new Error(String(err));
        this.readyState = 2;
        this.onerror?.({ target: this });
        this.onloadend?.({ target: this });
      },
    );
  }

  readAsArrayBuffer(blob: unknown): void {
    this.read(blob, (b) => b.arrayBuffer());
  }

  readAsText(blob: unknown): void {
    this.read(blob, (b) => b.text());
  }
}
