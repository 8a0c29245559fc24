/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- build tooling, runs in Node */
/**
 * HTTPS for the development server: Excel only loads add-ins from https URLs.
 *
 * office-addin-dev-certs generates a CA and a localhost certificate offline, but installing the
 * CA needs admin rights and, where it fails, its getHttpsServerOptions() throws
 * (docs/architecture.md, "The Office platform"). So the generated files are read directly. Trusting the CA is
 * a one-time step on the machine that runs Excel (`npx office-addin-dev-certs install`).
 */
const fs = require("fs");
const defaults = require("office-addin-dev-certs/lib/defaults");
const { generateCertificates } = require("office-addin-dev-certs/lib/generate");

const RENEW_AFTER_DAYS = 25; // they are issued for 30

function certificatesAreFresh() {
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!files.every((file) => fs.existsSync(file))) return false;
  const ageDays = (Date.now() - fs.statSync(defaults.localhostCertificatePath).mtimeMs) / 86_400_000;
  return ageDays < RENEW_AFTER_DAYS;
}

/** { ca, cert, key } for an https server, generating the certificates when missing or old. */
async function httpsServerOptions() {
  if (!certificatesAreFresh()) {
    await generateCertificates(
      defaults.caCertificatePath,
      defaults.localhostCertificatePath,
      defaults.localhostKeyPath,
      defaults.daysUntilCertificateExpires,
    );
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = { httpsServerOptions, caCertificatePath: defaults.caCertificatePath };
