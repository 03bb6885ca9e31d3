import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { erasePersonalData, exportPersonalData, type PersonalDataPart } from "../learning/personal-data.ts";
import type { Reply } from "../messaging/message.ts";
import { act } from "./actions.ts";
import type { LearningContext } from "./learning-context.ts";

/** /dulieu: everything stored about the person, as readable JSON. */
export async function exportReply(
  ctx: LearningContext,
  parts: readonly PersonalDataPart[],
  personId: string,
): Promise<Reply[]> {
  const accounts = await ctx.identities.accountsOf(personId);
  const data = await exportPersonalData(parts, personId, accounts);
  return [{ text: `${lm.exportIntro}\n${JSON.stringify(data, null, 2)}` }];
}

/** /xoadulieu asks first; only the "Xóa hết" option erases. */
export function eraseConfirmReply(): Reply[] {
  return [
    {
      text: lm.eraseConfirm,
      options: [
        { label: lm.eraseYes, action: act("erase", "yes") },
        { label: lm.eraseNo, action: act("erase", "no") },
      ],
    },
  ];
}

export async function eraseReply(
  ctx: LearningContext,
  parts: readonly PersonalDataPart[],
  personId: string,
  confirmed: boolean,
): Promise<Reply[]> {
  if (!confirmed) return [{ text: lm.eraseKept }];
  const accounts = await ctx.identities.accountsOf(personId);
  await erasePersonalData(parts, personId, accounts, ctx.store);
  return [{ text: lm.erased }];
}
