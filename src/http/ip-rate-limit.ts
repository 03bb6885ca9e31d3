import type { FastifyInstance } from "fastify";
import { SHARED_NETWORK_BUSY } from "../catalog/http.ts";
import { metrics } from "../shared/metrics.ts";

/**
 * A token bucket per address: up to `burst` requests at once, refilled evenly at `perMinute`. A hall full of
 * neighbours behind one Wi-Fi opening the chat together fits in the burst; a script hammering it does not.
 */
export class AddressBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number = perMinute,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 100_000,
  ) {}

  /** Takes one request; answers 0 when it may go, else the whole seconds until the next one may. */
  take(address: string): number {
    const t = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(address) ?? { tokens: this.burst, at: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    this.buckets.set(address, bucket);
    if (this.buckets.size > this.maxAddresses) this.forgetFull(t, perMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /** Drops addresses whose bucket has refilled: they are as good as new, and memory stays bounded. */
  private forgetFull(t: number, perMs: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (t - bucket.at) * perMs >= this.burst) this.buckets.delete(address);
    }
  }
}

/**
 * Limits requests per client address on the routes whose pattern starts with one of `routes` (the web chat
 * API, the certificate pages): past the bucket, 429 with Retry-After and a message that blames the shared
 * network, not the person. The route Fastify matched is compared, never the raw URL, so "/%61pi/chat" counts as
 * "/api/chat". Behind a reverse proxy, set TRUST_PROXY so the client's own address is used.
 */
export function registerIpRateLimit(
  app: FastifyInstance,
  options: { perMinute: number; burst?: number; routes: string[] },
): void {
  if (options.perMinute <= 0) return;
  const buckets = new AddressBuckets(options.perMinute, options.burst ?? options.perMinute);
  app.addHook("onRequest", async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route || !options.routes.some((prefix) => route.startsWith(prefix))) return;
    const wait = buckets.take(request.ip);
    if (wait === 0) return;
    metrics.floodLimited.inc({ kind: "ip" });
    return reply
      .code(429)
      .header("retry-after", String(wait))
      .send({ error: { code: "rate-limited", message: SHARED_NETWORK_BUSY } });
  });
}
