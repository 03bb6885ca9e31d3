/** What a web session sends to get through onboarding: consent, Người dân, no tổ, normal mode. */
export const ONBOARDING_INPUTS: readonly ({ text: string } | { action: string })[] = [
  { text: "hi" },
  { action: "v1:consent:yes" },
  { action: "v1:group:nguoi-dan" },
  { action: "v1:to-skip" },
  { action: "v1:mode:normal" },
];
