import { type Logger, pino } from "pino";

/** Fields that must never reach a log line, wherever they appear. */
export const REDACT_PATHS = [
  "text",
  "*.text",
  "message",
  "*.message.text",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "req.headers.authorization",
  'req.headers["x-telegram-bot-api-secret-token"]',
  'req.headers["x-bot-api-secret-token"]',
  "req.headers.cookie",
  "displayName",
  "*.displayName",
];

/** Structured JSON logs; message text, tokens and personal data are redacted by path. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "hocvuso" } },
    destination,
  );
}
