import { describe, expect, it } from "vitest";
import { Certificates } from "../../src/learning/certificates.ts";
import { type CertificationDeps, certify } from "../../src/learning/certification.ts";
import type { LearnerProfile } from "../../src/learning/learner-store.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { tempStore, testCurriculum } from "../helpers/core.ts";

const NOW = new Date("2026-11-02T02:00:00Z");

async function setup(vouched = true) {
  const store = await tempStore();
  const curriculum = await testCurriculum();
  const deps: CertificationDeps = {
    curriculum,
    progress: new ProgressStore(store),
    certificates: new Certificates(store, "test-secret-at-least-32-characters-long"),
    vouched: async () => vouched,
    now: () => NOW,
  };
  const profile: LearnerProfile = {
    id: "tg:cert",
    step: "ready",
    group: "nguoi-dan",
    elderly: false,
    remind: false,
    createdAt: NOW.toISOString(),
  };
  const required = curriculum.paths.groups["nguoi-dan"].required;
  const passAll = async (except = 0) => {
    for (const module of required.slice(except))
      await deps.progress.recordQuiz(profile.id, module, 1, true, NOW);
  };
  return { deps, profile, required, passAll };
}

describe("certification (learning/certification)", () => {
  it("names the required modules still to pass, and issues nothing", async () => {
    const { deps, profile, required, passAll } = await setup();
    await passAll(1);
    expect(await certify(deps, { ...profile, certName: "Nguyễn Văn A" })).toEqual({
      status: "incomplete",
      left: [required[0]],
    });
    expect(await deps.certificates.ofPerson(profile.id)).toBeNull();
  });

  it("asks for the printed name before issuing, then issues with the group's modules and the tổ", async () => {
    const { deps, profile, required, passAll } = await setup();
    await passAll();
    expect(await certify(deps, profile)).toEqual({ status: "needs-name" });
    const issued = await certify(deps, { ...profile, certName: "Nguyễn Văn A", to: "Tổ 5" });
    expect(issued.status).toBe("issued");
    if (issued.status !== "issued") return;
    expect(issued.certificate).toMatchObject({
      name: "Nguyễn Văn A",
      group: "nguoi-dan",
      to: "Tổ 5",
      modules: required,
    });
    expect((await deps.certificates.ofPerson(profile.id))?.id).toBe(issued.certificate.id);
  });

  it("issues nothing to a learner the ward cannot stand behind, or without a group", async () => {
    const unvouched = await setup(false);
    await unvouched.passAll();
    const named = { ...unvouched.profile, certName: "Nguyễn Văn A" };
    expect(await certify(unvouched.deps, named)).toEqual({ status: "needs-person" });
    const { group: _, ...noGroup } = named;
    expect(await certify(unvouched.deps, noGroup)).toEqual({ status: "no-group" });
    expect(await unvouched.deps.certificates.ofPerson(named.id)).toBeNull();
  });
});
