// Types of serve-dist.mjs, for the TypeScript tests that start it.
export interface ServeDistOptions {
  /** The folder to serve; dist/ by default. */
  root?: string;
  /** 0 (the default) for any free port. */
  port?: number;
  /** Serve over https with this key and certificate instead of http. */
  https?: { key: string | Buffer; cert: string | Buffer };
  /** The host names the server answers to (127.0.0.1, localhost, [::1] by default); the URL uses the first. */
  hostnames?: string[];
}

export declare function serveDist(
  options?: ServeDistOptions
): Promise<{ url: string; port: number; close: () => Promise<void> }>;

/** The headers docs/deploy.md asks a production host to send for the file at `path`. */
export declare function hostingHeaders(path: string): Record<string, string>;
