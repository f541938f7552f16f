// Next ships its compiled edge-runtime sandbox without types: the part the edge test uses.
declare module 'next/dist/compiled/edge-runtime/index.js' {
  export class EdgeRuntime {
    constructor(options: { initialCode: string });
    dispatchFetch(url: string, init?: RequestInit): Promise<Response>;
  }
}
