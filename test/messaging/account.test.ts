import { describe, expect, it } from "vitest";
import { accountOf, parseAccount } from "../../src/messaging/account.ts";

describe("account references", () => {
  it("writes an account as channel:user id and reads it back, keeping colons inside the user id", () => {
    expect(accountOf("zalo", "12345")).toBe("zalo:12345");
    expect(parseAccount(accountOf("web", "s:abc:def"))).toEqual({ channel: "web", userId: "s:abc:def" });
    expect(parseAccount("telegram:42")).toEqual({ channel: "telegram", userId: "42" });
  });
});
