// A small static server for a built folder (dist/ by default), for the screenshot script and the
// browser tests: plain http on 127.0.0.1 (Chromium needs no certificate for it), or https with a
// given certificate for the production build's browser test. It serves files inside the folder and
// nothing else (real paths, so no symlink or `dist-foo` sibling leads out), answers only to the
// host names it is given on its own port (scripts/local-server.js), and sends the headers that
// docs/deploy.md asks of a production host (hostingHeaders), so the browser tests run against them.
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import localServer from "./local-server.js";

const { LOOPBACK_HOSTNAMES, FUNCTION_METADATA, refuseRequest, requestPath } = localServer;

const DIST = resolve(fileURLToPath(new URL("../dist", import.meta.url)));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The response headers a host of the built add-in sends for a file (docs/deploy.md):
 * - its content type;
 * - `Cache-Control: no-cache` for everything whose name never changes between versions (pages,
 *   scripts, metadata, manifest): the browser keeps a copy but asks the host before using it, so an
 *   upgrade is seen at once rather than after a stale functions.js has been run against a new
 *   functions.json; icons may be cached for a day (Office asks that command icons be cacheable);
 * - `Access-Control-Allow-Origin: *` on the custom-function metadata only, which Excel on the web
 *   reads with a cross-origin request from an Office page;
 * - `X-Content-Type-Options: nosniff`.
 */
export function hostingHeaders(path) {
  const extension = extname(path).toLowerCase();
  const headers = {
    "Content-Type": TYPES[extension] ?? "application/octet-stream",
    "Cache-Control": extension === ".png" ? "public, max-age=86400" : "no-cache",
    "X-Content-Type-Options": "nosniff",
  };
  if (FUNCTION_METADATA.test(path)) headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}

/** The real path of `path` inside `root` (itself a real path), or null when it is not a file in there. */
async function fileInside(root, path) {
  let file;
  try {
    file = await realpath(join(root, path));
  } catch {
    return null;
  }
  if (!file.startsWith(root + sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/**
 * Starts serving `root` (dist/ by default) on 127.0.0.1; resolves to { url, port, close }.
 * - port: 0 (the default) for any free port;
 * - https: { key, cert } to serve over https instead of http;
 * - hostnames: the names the server answers to (loopback names by default); the URL uses the first.
 */
export async function serveDist({
  root = DIST,
  port = 0,
  https,
  hostnames = LOOPBACK_HOSTNAMES,
} = {}) {
  const realRoot = await realpath(root);
  let listening = port;
  const handle = async (request, response) => {
    if (refuseRequest(request, response, { port: () => listening, hostnames })) return;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const path = requestPath(request.url) ?? "/";
    const file = await fileInside(realRoot, path === "/" ? "taskpane.html" : path);
    if (file === null) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    try {
      const body = await readFile(file);
      response
        .writeHead(200, hostingHeaders(path))
        .end(request.method === "HEAD" ? undefined : body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    }
  };
  const server = https ? createHttpsServer(https, handle) : createHttpServer(handle);
  await new Promise((started, failed) => {
    server.once("error", failed);
    server.listen(port, "127.0.0.1", started);
  });
  listening = server.address().port;
  const scheme = https ? "https" : "http";
  return {
    url: `${scheme}://${hostnames[0]}:${listening}`,
    port: listening,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}
