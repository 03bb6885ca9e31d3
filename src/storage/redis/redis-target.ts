/**
 * Where Redis is: one server (`redis://`, `rediss://`) or a Redis Cluster, named either by
 * `REDIS_CLUSTER_NODES` (`host:port,host:port`) or by a `redis+cluster://[user:password@]host:port,…` URL
 * (`rediss+cluster://` for TLS). A cluster has only database 0, so a cluster URL carries no database path.
 */
export interface ClusterNode {
  host: string;
  port: number;
}

export type RedisTarget =
  | { kind: "single"; url: string }
  | { kind: "cluster"; nodes: ClusterNode[]; username?: string; password?: string; tls: boolean };

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(.+)$/;

/** Reads the target from REDIS_URL / REDIS_CLUSTER_NODES; throws a readable error (never echoing a password). */
export function redisTarget(url: string | undefined, clusterNodes: string | undefined): RedisTarget | null {
  if (url && clusterNodes) throw new Error("set REDIS_URL or REDIS_CLUSTER_NODES, not both");
  if (clusterNodes) return { kind: "cluster", nodes: parseNodes(clusterNodes), tls: false };
  if (!url) return null;
  const cluster = CLUSTER_URL.exec(url);
  if (!cluster) return { kind: "single", url };
  let rest = cluster[2] as string;
  let username: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(":");
    username = decodeURIComponent(colon >= 0 ? userinfo.slice(0, colon) : userinfo) || undefined;
    password = colon >= 0 ? decodeURIComponent(userinfo.slice(colon + 1)) || undefined : undefined;
  }
  const slash = rest.indexOf("/");
  if (slash >= 0) {
    const path = rest.slice(slash + 1);
    if (path !== "" && path !== "0")
      throw new Error("a Redis Cluster has only database 0: drop the /<db> of the URL");
    rest = rest.slice(0, slash);
  }
  return { kind: "cluster", nodes: parseNodes(rest), username, password, tls: cluster[1] === "rediss" };
}

/** `host:port,host:port` (IPv6 hosts in brackets: `[::1]:7000`). */
export function parseNodes(list: string): ClusterNode[] {
  const nodes = list
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(part);
      const port = Number(match?.[2]);
      if (!match || port < 1 || port > 65535)
        throw new Error(`expected host:port in the cluster node list, got "${part}"`);
      return { host: (match[1] as string).replace(/^\[|\]$/g, ""), port };
    });
  if (!nodes.length) throw new Error("the cluster node list is empty");
  return nodes;
}
