/**
 * A throwaway TLS certificate for tests that serve over https: self-signed, for one host name,
 * valid for a day, generated in memory (never written to the repository or trusted anywhere).
 */
import { X509Certificate, createHash } from "node:crypto";
import selfsigned from "selfsigned";

export interface ThrowawayCertificate {
  readonly key: string;
  readonly cert: string;
  /**
   * SHA-256 of the certificate's public key (SubjectPublicKeyInfo), base64: what Chromium's
   * --ignore-certificate-errors-spki-list takes to accept this one certificate and no other.
   */
  readonly spkiSha256: string;
}

export async function throwawayCertificate(hostname: string): Promise<ThrowawayCertificate> {
  const now = new Date();
  const pems = await selfsigned.generate([{ name: "commonName", value: hostname }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 86_400_000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: hostname }] },
    ],
  });
  const spki = new X509Certificate(pems.cert).publicKey.export({ type: "spki", format: "der" });
  return {
    key: pems.private,
    cert: pems.cert,
    spkiSha256: createHash("sha256").update(spki).digest("base64"),
  };
}
