/**
 * Raw HTTP(S) requests for the server tests: the request target goes out exactly as written (no
 * URL normalisation of "..", no re-encoding) and the Host header is whatever the test says, as an
 * attacker's page or a rebinding DNS name would send it.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface Target {
  /** The address the server listens on (127.0.0.1 or ::1). */
  readonly address: string;
  readonly port: number;
  readonly https?: boolean;
}

export function send(
  target: Target,
  path: string,
  { host = `localhost:${target.port}`, method = "GET" }: { host?: string; method?: string } = {}
): Promise<Answer> {
  const request = target.https ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.address,
        port: target.port,
        path,
        method,
        headers: { Host: host, Connection: "close" },
        // The tests' own throwaway certificate: the request is about what the server answers.
        rejectUnauthorized: false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body })
        );
      }
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}
