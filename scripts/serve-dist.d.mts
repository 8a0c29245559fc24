// Types of serve-dist.mjs, for the TypeScript browser tests that start it.
export declare function serveDist(
  port?: number
): Promise<{ url: string; close: () => Promise<void> }>;
