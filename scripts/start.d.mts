// Types of start.mjs, for the tests that start its servers.
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";

export declare function serveOnLoopback(options: {
  serveBuild: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  https: { key: string | Buffer; cert: string | Buffer };
  port: number;
  playgroundPort: number;
}): Promise<{ excel: HttpServer; playground: HttpServer }>;
