/* eslint-disable no-undef -- development servers' shared rules, run in Node (CommonJS) */
/**
 * What every development server of this repository (npm start, npm run dev-server, serve-dist)
 * answers and refuses. They listen on the loopback interface only and serve files to this machine:
 * - a request whose Host header is not this machine on the server's own port gets 403: a page on
 *   another site that points its DNS name at 127.0.0.1 ("DNS rebinding") still sends its own name,
 *   so it cannot read the build through the victim's browser;
 * - a URL that cannot be read (malformed percent-encoding, a NUL byte, not a path) gets 400;
 * - no `Access-Control-Allow-Origin: *` on everything. Excel on the web reads the custom-function
 *   metadata (functions.json and its translations) with a cross-origin request from an Office page
 *   (Microsoft's custom-functions docs: CORS must be enabled on the JSON; the Office origins vary,
 *   *.officeapps.live.com among them), so those files, and only those, may be read by any origin.
 *   Everything else Excel loads (the task pane page, its scripts, the icons) is a navigation or a
 *   plain <script>/<img> load, which needs no CORS header.
 */
const LOOPBACK_HOSTNAMES = ["127.0.0.1", "localhost", "[::1]"];

/** The custom-function metadata Excel on the web fetches cross-origin: functions.json, functions.zh-CN.json. */
const FUNCTION_METADATA = /^\/functions(\.[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?\.json$/;

/**
 * True when `host` (a Host header) names one of `hostnames` on `port`, e.g. "localhost:3000".
 * Case does not matter for the name; the port must be the server's own.
 */
function isAllowedHost(host, port, hostnames = LOOPBACK_HOSTNAMES) {
  if (typeof host !== "string") return false;
  const wanted = host.toLowerCase();
  return hostnames.some((name) => wanted === `${name.toLowerCase()}:${port}`);
}

/**
 * The decoded path of a request target ("/help.html?x=1" → "/help.html"), or null when it cannot
 * be read safely: not starting with "/" (absolute-form or "*"), malformed percent-encoding, or a
 * NUL byte, raw or encoded.
 */
function requestPath(url) {
  if (typeof url !== "string" || !url.startsWith("/")) return null;
  const raw = url.split(/[?#]/, 1)[0] ?? "";
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return path.includes("\0") ? null : path;
}

/**
 * Answers the requests a local server must not serve (403 for a foreign Host, 400 for an unreadable
 * URL) and says whether it did. `port` is the port the server listens on (a function, for servers
 * started on port 0); `hostnames` the names it answers to.
 */
function refuseRequest(request, response, { port, hostnames = LOOPBACK_HOSTNAMES }) {
  const listening = typeof port === "function" ? port() : port;
  if (!isAllowedHost(request.headers.host, listening, hostnames)) {
    response
      .writeHead(403, { "Content-Type": "text/plain; charset=utf-8" })
      .end(
        `Refused: this server answers to ${hostnames.map((name) => `${name}:${listening}`).join(", ")} only.\n`
      );
    return true;
  }
  if (requestPath(request.url) === null) {
    response
      .writeHead(400, { "Content-Type": "text/plain; charset=utf-8" })
      .end("Bad request: the URL cannot be read.\n");
    return true;
  }
  return false;
}

/** Lets Office pages read the custom-function metadata cross-origin, and nothing else. */
function allowMetadataReads(request, response) {
  if (FUNCTION_METADATA.test(requestPath(request.url) ?? ""))
    response.setHeader("Access-Control-Allow-Origin", "*");
}

module.exports = {
  LOOPBACK_HOSTNAMES,
  FUNCTION_METADATA,
  isAllowedHost,
  requestPath,
  refuseRequest,
  allowMetadataReads,
};
