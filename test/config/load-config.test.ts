import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";

describe("configuration", () => {
  it("needs no environment at all: port 3000, embedded storage, no channels", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.ADMIN_IDS).toEqual([]);
  });

  it("stops on a bad value with one line naming the variable and what is expected", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrowError(
      /^Invalid configuration: PORT="abc": expected a whole number from 1 to 65535$/,
    );
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrowError(/LOG_LEVEL="loud"/);
    expect(() => loadConfig({ ADMIN_IDS: "telegram:1,bogus" })).toThrowError(
      /ADMIN_IDS=.*telegram:12345,zalo:abc/,
    );
    expect(() => loadConfig({ REDIS_URL: "localhost:6379" })).toThrowError(
      /REDIS_URL=\(hidden\): expected a redis:\/\//,
    );
  });

  it("takes OpenAI-compatible embeddings only with a key or a server to ask", () => {
    expect(loadConfig({}).EMBEDDINGS).toBe("local");
    expect(() => loadConfig({ EMBEDDINGS: "openai" })).toThrowError(
      /EMBEDDINGS="openai": openai needs OPENAI_API_KEY, or OPENAI_BASE_URL/,
    );
    expect(
      loadConfig({ EMBEDDINGS: "openai", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" }).EMBEDDINGS,
    ).toBe("openai");
    expect(() => loadConfig({ EMBEDDINGS: "bert" })).toThrowError(/EMBEDDINGS="bert"/);
  });

  it("never prints a secret's value in an error", () => {
    let message = "";
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: "not-a-token-secret-value" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("TELEGRAM_BOT_TOKEN=(hidden)");
    expect(message).not.toContain("secret-value");
  });

  it("parses admin ids into a list", () => {
    expect(loadConfig({ ADMIN_IDS: "telegram:12345, zalo:abc" }).ADMIN_IDS).toEqual([
      "telegram:12345",
      "zalo:abc",
    ]);
  });
});
