/** An expected failure with a stable code; user-facing text comes from the message catalog, not from here. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

/** The stable code of any thrown value, for logs and metrics: its `code`, else its class name, else `fallback`. */
export function errorCode(error: unknown, fallback = "unknown"): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === "string" && code) return code;
  const name = (error as { name?: unknown } | null | undefined)?.name;
  return typeof name === "string" && name ? name : fallback;
}
