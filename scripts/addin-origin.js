/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- build step, runs in Node (CommonJS) */
/**
 * The origin the add-in is built for. Development builds name the development server, the way the
 * sources do (manifest.xml and every `@helpurl` say https://localhost:3000); a production build
 * for a host (`ADDIN_ORIGIN=https://metrics.example.com npm run build`) replaces that origin at
 * build time, as the official Office templates replace their development URL in webpack, and
 * fails rather than ship anything that still names the development server.
 */
const { Compilation, WebpackError, sources } = require("webpack");

const DEV_ORIGIN = "https://localhost:3000";

/**
 * The origin ADDIN_ORIGIN names, normalised as browsers compare origins (lower-case host, no
 * default port, no trailing slash), or an Error that says what is wrong with it. Office loads
 * add-ins over https only, and every URL of the add-in is the origin followed by a file name, so
 * anything but scheme, host and port (a path, a query, a fragment, credentials, spaces, quotes)
 * would give broken or surprising URLs in the manifest. `command` is what the message suggests.
 */
function parseAddinOrigin(text, command = "npm run build") {
  const refuse = (why) =>
    new Error(
      `ADDIN_ORIGIN ${JSON.stringify(text)} cannot be used: ${why}. For example: ADDIN_ORIGIN=https://metrics.example.com ${command}`
    );
  if (typeof text !== "string" || text === "")
    return refuse("it is empty (leave it unset for a development build)");
  if (/[\s"'<>\\`{}|^\u0000-\u001f\u007f]/.test(text))
    return refuse("it holds spaces, quotes or other characters that do not belong in a URL");
  if (!/^https:\/\//i.test(text))
    return refuse("it must start with https:// (Office loads add-ins over https only)");
  if (!/^https:\/\/[^/?#@]+\/?$/i.test(text)) {
    const authority = text.slice("https://".length).split(/[/?#]/, 1)[0] ?? "";
    const what = authority.includes("@")
      ? "it holds credentials (user@)"
      : /[?#]/.test(text)
        ? "it holds a query or a fragment"
        : "it holds a path; the add-in is served from the root of its own origin";
    return refuse(`${what}: give scheme, host and port only`);
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    return refuse("it is not a valid URL (check the host name and the port)");
  }
  if (url.hostname === "localhost" || url.hostname.endsWith(".localhost"))
    return refuse(
      "it names this machine; `npm run build` without ADDIN_ORIGIN builds for the development server"
    );
  return url.origin;
}

/** The manifest's four-part version for package.json's "X.Y.Z" (Office wants a.b.c.d, each 0–9999). */
function manifestVersion(packageVersion) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(packageVersion));
  if (!match || match.slice(1).some((part) => Number(part) > 9999))
    throw new Error(
      `package.json version ${JSON.stringify(packageVersion)} cannot be a manifest <Version>: use X.Y.Z with numbers up to 9999 (no pre-release tag)`
    );
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

/**
 * manifest.xml as the build writes it: `<Version>` from package.json, and, for an origin other
 * than the development server's, every URL on that origin and the header comment saying what the
 * file is. Throws when the result still names the development server.
 */
function manifestFor(xml, { origin, version }) {
  const versions = xml.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (versions.length !== 1) throw new Error("manifest.xml must hold exactly one <Version>");
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (origin === DEV_ORIGIN) return out;
  out = out
    .replace(
      /<!--[\s\S]*?-->/,
      `<!-- Retention Metrics for Excel ${version}: add-in-only XML manifest for ${origin}, written by npm run build (docs/deploy.md). -->`
    )
    .split(DEV_ORIGIN)
    .join(origin);
  if (/localhost/i.test(out))
    throw new Error("manifest.xml still names localhost after its URLs were moved to ADDIN_ORIGIN");
  return out;
}

/** Custom-function metadata with every helpUrl moved from the development server to `origin`. */
function metadataOnOrigin(metadata, origin) {
  const functions = metadata.functions.map((fn) => {
    if (typeof fn.helpUrl !== "string" || !fn.helpUrl.startsWith(`${DEV_ORIGIN}/`))
      throw new Error(`${fn.id}: @helpurl ${JSON.stringify(fn.helpUrl)} is not on ${DEV_ORIGIN}`);
    return { ...fn, helpUrl: origin + fn.helpUrl.slice(DEV_ORIGIN.length) };
  });
  return { ...metadata, functions };
}

const METADATA_ASSET = /^functions(\.[A-Za-z-]+)?\.json$/;

/**
 * The production build's own step: moves the helpUrls of functions.json and its translations to
 * the origin (after the metadata steps have written them), then, once every asset is final
 * (source maps included), fails the build if any file still says "localhost".
 */
class AddinOriginPlugin {
  constructor({ origin }) {
    this.origin = origin;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinOrigin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinOrigin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 4 },
        () => {
          for (const asset of compilation
            .getAssets()
            .filter((each) => METADATA_ASSET.test(each.name))) {
            try {
              const metadata = JSON.parse(asset.source.source().toString());
              const moved = metadataOnOrigin(metadata, this.origin);
              compilation.updateAsset(
                asset.name,
                new sources.RawSource(JSON.stringify(moved, null, 2))
              );
            } catch (error) {
              compilation.errors.push(new WebpackError(`${asset.name}: ${error.message}`));
            }
          }
        }
      );
      compilation.hooks.processAssets.tap(
        { name: "AddinOrigin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const naming = compilation
            .getAssets()
            .filter((asset) => /localhost/i.test(asset.source.source().toString("latin1")))
            .map((asset) => asset.name);
          if (naming.length > 0)
            compilation.errors.push(
              new WebpackError(
                `built for ${this.origin}, yet these files still name localhost: ${naming.join(", ")}`
              )
            );
        }
      );
    });
  }
}

module.exports = {
  DEV_ORIGIN,
  parseAddinOrigin,
  manifestVersion,
  manifestFor,
  metadataOnOrigin,
  AddinOriginPlugin,
};
