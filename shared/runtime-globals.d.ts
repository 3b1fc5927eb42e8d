/**
 * The few globals that both Node 20 and Chromium provide, declared here so shared/ can use them
 * while compiling without DOM or Node typings (see shared/tsconfig.json).
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare function structuredClone<T>(value: T): T;
