import { AppError } from "../shared/app-error.ts";
import { productionProblems } from "./production-checks.ts";
import { type Config, configSchema, SECRET_VARIABLES } from "./schema.ts";

/** Parses the environment; throws an AppError("config") whose message is one readable line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) {
    const problems = productionProblems(parsed.data);
    if (problems.length)
      throw new AppError("config", `Refusing to start in production: ${problems.join("; ")}.`);
    return parsed.data;
  }
  const first = parsed.error.issues[0];
  const name = String(first?.path[0] ?? "environment");
  const raw = env[name];
  const shown = raw === undefined ? "(unset)" : SECRET_VARIABLES.has(name) ? "(hidden)" : JSON.stringify(raw);
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : "";
  throw new AppError(
    "config",
    `Invalid configuration: ${name}=${shown}: ${first?.message ?? "invalid"}${more}`,
  );
}
