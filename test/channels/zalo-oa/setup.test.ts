import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { enabledChannels } from "../../../src/channels/enabled-channels.ts";
import { signatureMatches, zaloOaSignature } from "../../../src/channels/zalo-oa/signature.ts";
import { loadConfig } from "../../../src/config/load-config.ts";
import { silentLogger, tempStore } from "../../helpers/core.ts";
import { APP_ID, APP_SECRET, fixtureText, OA_SECRET_KEY, SEED_REFRESH } from "./fake-oa-api.ts";

const OA_ENV = {
  ZALO_OA_APP_ID: APP_ID,
  ZALO_OA_APP_SECRET: APP_SECRET,
  ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
  ZALO_OA_REFRESH_TOKEN: SEED_REFRESH,
};

describe("Zalo OA settings", () => {
  it("defaults to Zalo's documented roots and starts only with all four settings", () => {
    const config = loadConfig(OA_ENV);
    expect(config.ZALO_OA_API_ROOT).toBe("https://openapi.zalo.me");
    expect(config.ZALO_OA_OAUTH_ROOT).toBe("https://oauth.zaloapp.com");
    expect(loadConfig({}).ZALO_OA_APP_ID).toBeUndefined();
    const { ZALO_OA_REFRESH_TOKEN: _, ...missing } = OA_ENV;
    expect(() => loadConfig(missing)).toThrowError(
      /^Invalid configuration: ZALO_OA_REFRESH_TOKEN=\(unset\): the Zalo Official Account needs/,
    );
    expect(() => loadConfig({ ...OA_ENV, ZALO_OA_APP_ID: "abc" })).toThrowError(/ZALO_OA_APP_ID="abc"/);
    expect(() => loadConfig({ ...OA_ENV, ZALO_OA_OAUTH_ROOT: "oauth.local" })).toThrowError(
      /ZALO_OA_OAUTH_ROOT/,
    );
  });

  it("never prints the OA secrets in an error", () => {
    let message = "";
    try {
      loadConfig({ ZALO_OA_SECRET_KEY: OA_SECRET_KEY, ZALO_OA_APP_SECRET: APP_SECRET });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Invalid configuration/);
    expect(message).not.toContain(OA_SECRET_KEY);
    expect(message).not.toContain(APP_SECRET);
  });

  it("runs the OA beside the Zalo bot, or alone", async () => {
    const store = await tempStore();
    const deps = { assistant: { handle: async () => [] }, store, logger: silentLogger };
    const both = enabledChannels({
      ...deps,
      config: loadConfig({ ...OA_ENV, ZALO_BOT_TOKEN: "123:bot-token" }),
    });
    expect(both.map((c) => [c.name, c.mode])).toEqual([
      ["zalo", "polling"],
      ["zalo-oa", "webhook"],
    ]);
    expect(enabledChannels({ ...deps, config: loadConfig(OA_ENV) }).map((c) => c.name)).toEqual(["zalo-oa"]);
  });
});

describe("X-ZEvent-Signature", () => {
  it("is mac= and the hex SHA-256 of app id, raw body, the body's timestamp and the OA secret key", () => {
    const raw = fixtureText("follow");
    const expected = createHash("sha256")
      .update(`${APP_ID}${raw}1764671400000${OA_SECRET_KEY}`)
      .digest("hex");
    expect(zaloOaSignature(APP_ID, raw, "1764671400000", OA_SECRET_KEY)).toBe(`mac=${expected}`);
    const secrets = { appId: APP_ID, oaSecretKey: OA_SECRET_KEY };
    expect(signatureMatches(`mac=${expected}`, raw, secrets)).toBe(true);
    // The same body re-serialised (spacing changed) is not what Zalo signed.
    expect(signatureMatches(`mac=${expected}`, JSON.stringify(JSON.parse(raw)), secrets)).toBe(false);
    // Signed with the app secret instead of the OA secret key: refused.
    const wrongKey = zaloOaSignature(APP_ID, raw, "1764671400000", APP_SECRET);
    expect(signatureMatches(wrongKey, raw, secrets)).toBe(false);
    expect(signatureMatches(undefined, raw, secrets)).toBe(false);
  });
});
