import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";

const STRONG = "q8Zr3vKx9LmP2sWt7YbN4cHd6FjG1aEu";
const WEBHOOK = "k3J9x2LmQ7vR4tZw";

describe("start-up in production", () => {
  it("refuses a missing or weak CERT_SECRET, naming the variable but never its value", () => {
    for (const secret of [undefined, "short", "a".repeat(40), "changeme-changeme-changeme-changeme"]) {
      const env = { NODE_ENV: "production", ...(secret ? { CERT_SECRET: secret } : {}) };
      let message = "";
      try {
        loadConfig(env);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Refusing to start in production: CERT_SECRET must be set/);
      if (secret) expect(message).not.toContain(secret);
    }
  });

  it("refuses a webhook without a strong secret, and a weak metrics token or a plain-http public address", () => {
    const base = { NODE_ENV: "production", CERT_SECRET: STRONG };
    expect(() =>
      loadConfig({
        ...base,
        TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWxyz",
        TELEGRAM_WEBHOOK_URL: "https://x.example/webhook/telegram",
      }),
    ).toThrowError(/TELEGRAM_WEBHOOK_SECRET must be/);
    expect(() =>
      loadConfig({
        ...base,
        ZALO_BOT_TOKEN: "z",
        ZALO_WEBHOOK_URL: "https://x.example/webhook/zalo",
        ZALO_WEBHOOK_SECRET: "12345678",
      }),
    ).toThrowError(/ZALO_WEBHOOK_SECRET must be/);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: "abc" })).toThrowError(/METRICS_TOKEN must be/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: "http://x.example" })).toThrowError(
      /PUBLIC_URL must be an https/,
    );
  });

  it("starts with strong secrets, and development never asks for them", () => {
    expect(
      loadConfig({
        NODE_ENV: "production",
        CERT_SECRET: STRONG,
        TELEGRAM_BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWxyz",
        TELEGRAM_WEBHOOK_URL: "https://x.example/webhook/telegram",
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK,
        METRICS_TOKEN: STRONG,
        PUBLIC_URL: "https://x.example",
      }).NODE_ENV,
    ).toBe("production");
    expect(loadConfig({}).NODE_ENV).toBe("development");
  });
});
