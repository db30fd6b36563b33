import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import type { Metrics } from "./metrics.js";

/** One part of readiness: PostgreSQL, Redis, the updates (polling or webhook), the workers. */
export type ReadinessChecks = () => Record<string, boolean>;

export type HealthServer = {
  port: number;
  close(): Promise<void>;
};

/**
 * The health and metrics listener, in every mode (HEALTH_PORT):
 * - GET /healthz: 200 while the process runs (liveness);
 * - GET /readyz: 200 when every check holds, else 503; the body lists each check;
 * - GET /metrics: Prometheus' text format (404 with METRICS=off).
 */
export async function startHealthServer(options: { port: number; host: string; logger: Logger; metrics: Metrics | null; checks: ReadinessChecks }): Promise<HealthServer> {
  const { metrics, checks, logger } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    if (path === "/readyz") {
      const results = checks();
      const ready = Object.values(results).every(Boolean);
      res.writeHead(ready ? 200 : 503, { "content-type": "application/json" }).end(`${JSON.stringify({ ready, checks: results })}\n`);
      return;
    }
    if (path === "/metrics" && metrics) {
      metrics.registry
        .metrics()
        .then((text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text))
        .catch((err: unknown) => {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, "metrics could not be collected");
          if (!res.headersSent) res.writeHead(500).end();
        });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`HEALTH_PORT ${options.port} on ${options.host} is in use by another program: choose another HEALTH_PORT`) : err),
    );
    server.listen(options.port, options.host, () => {
      server.removeAllListeners("error");
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, "health and metrics listening (/healthz, /readyz, /metrics)");
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
