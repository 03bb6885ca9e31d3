import { describe, expect, it } from "vitest";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { onboard, tempStore, testAssistant } from "../helpers/core.ts";
import { CERT_NAME_CASES } from "./bad-input-cases.ts";
import { expectSafeReplies } from "./bad-input-checks.ts";

describe("names with markup when a certificate asks for the name to print", () => {
  it.each(CERT_NAME_CASES.map((c) => ({ ...c, shown: JSON.stringify(c.name.slice(0, 40)) })))(
    "reads $shown safely",
    async ({ name, printed }) => {
      const store = await tempStore();
      const assistant = await testAssistant(store);
      await onboard(assistant, "n");
      await new LearnerStore(store).setAwaiting("web:n", "cert-name");
      const replies = await assistant.handle({ channel: "web", userId: "n", text: name });
      expectSafeReplies(replies);
      if (printed === null) {
        expect(replies[0]?.text).toBe(lm.certNameInvalid);
        expect(await new Certificates(store, "unused-secret").ids()).toEqual([]);
      } else {
        expect(replies[0]?.text).toContain(printed);
        expect((await new LearnerStore(store).get("web:n"))?.certName).toBe(printed);
      }
    },
  );
});
