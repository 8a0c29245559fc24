// `npm version` runs this after it has bumped package.json (the "version" script): manifest.xml's
// <Version> follows, as X.Y.Z.0, so that the manifest sideloaded from the repository and the one
// the build writes into dist/ say the same version. Office keeps an add-in's files and its
// function metadata per version, so a release without a new version may not reach users.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { manifestVersion } = require("./addin-origin.js");

const manifest = new URL("../manifest.xml", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const xml = readFileSync(manifest, "utf8");
const updated = xml.replace(
  /<Version>[^<]*<\/Version>/,
  `<Version>${manifestVersion(version)}</Version>`
);
writeFileSync(manifest, updated);
console.log(`manifest.xml <Version>${manifestVersion(version)}</Version>`);
