import { redactionLabels } from "../catalog/tutor.ts";

/** Personal data patterns that must not leave the process (to an LLM or a log). */
const PATTERNS: { kind: string; pattern: RegExp; label: string }[] = [
  { kind: "id-number", pattern: /(?<!\d)\d{12}(?!\d)/g, label: redactionLabels.idNumber },
  { kind: "phone", pattern: /(?<![\d+])(?:\+84|84|0)(?:[\s.-]?\d){9}(?!\d)/g, label: redactionLabels.phone },
  {
    kind: "otp",
    pattern:
      /(?<!\p{L})(?:(?:mã|ma)(?:\s+(?:otp|xác nhận|xác thực|xac nhan|xac thuc))?|otp|code)\s*(?:là|la|:)?\s*\d{4,8}(?!\d)/giu,
    label: redactionLabels.otp,
  },
  {
    kind: "bank-account",
    pattern:
      /\b(?:stk|số tài khoản|so tai khoan|tài khoản|tai khoan|tk)\s*(?:là|la|:)?\s*\d[\d\s.-]{6,18}\d/giu,
    label: redactionLabels.bankAccount,
  },
  { kind: "email", pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, label: redactionLabels.email },
  { kind: "card", pattern: /(?<!\d)(?:\d[\s-]?){15,18}\d(?!\d)/g, label: redactionLabels.card },
];

export interface Redaction {
  text: string;
  /** Kinds of personal data found (empty when none). */
  found: string[];
}

/** Replaces ID numbers, phone numbers, OTP-like codes, bank accounts and card numbers with labels. */
export function redactPersonalData(input: string): Redaction {
  let text = input;
  const found = new Set<string>();
  for (const { kind, pattern, label } of PATTERNS) {
    text = text.replace(pattern, () => {
      found.add(kind);
      return label;
    });
  }
  return { text, found: [...found] };
}
