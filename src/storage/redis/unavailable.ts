import { errorCode } from "../../shared/app-error.ts";
import { StoreUnavailableError } from "../store.ts";

/** How ioredis rejects a command when Redis cannot be reached or does not answer in time. */
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|Connection is closed|Command timed out|MaxRetriesPerRequest|Stream isn't writeable|ClusterAllFailedError|Failed to refresh slots cache|CLUSTERDOWN/i;

/** A connection failure as StoreUnavailableError; any other error (a wrong type, a script error) as it is. */
export function asStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const text = `${errorCode(error, "")} ${(error as Error | null)?.name ?? ""} ${(error as Error | null)?.message ?? ""}`;
  return UNREACHABLE.test(text)
    ? new StoreUnavailableError("redis", errorCode(error), { cause: error })
    : error;
}

/**
 * The ioredis client as RedisStore uses it, with every command's connection failure reported as
 * StoreUnavailableError. ioredis reports an outage only in each command's rejection, so the one place to
 * translate it for all the store's commands is around the client itself.
 */
export function reportingUnavailable<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw asStoreError(error);
            })
          : result;
      };
    },
  });
}
