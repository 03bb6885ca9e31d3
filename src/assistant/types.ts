import type { Inbound, Reply } from "../messaging/message.ts";

export interface Assistant {
  /** Handles one inbound turn and never throws: failures become a polite reply. */
  handle(inbound: Inbound): Promise<Reply[]>;
}

/** The assistant as the composition root sees it: turns, plus the data-rights operations of background jobs. */
export interface DomainAssistant extends Assistant {
  /** Erases everything stored about a person (as /xoadulieu does), keeping only anonymous aggregates. */
  erasePerson(personId: string): Promise<void>;
}
