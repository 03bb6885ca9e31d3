import type { Assistant } from "../../src/assistant/types.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import { createOrganizerServices, type OrganizerServices } from "../../src/organizer/organizer.ts";
import type { Store } from "../../src/storage/store.ts";
import { httpDeps } from "./core.ts";
import { testWard } from "./ward.ts";

/** Organizer services over the store and an HTTP server with the /quan-tri dashboard, on a fixed clock. */
export async function dashboardServer(
  store: Store,
  options: {
    adminIds: string[];
    now: () => Date;
    secureCookies?: boolean;
    /** The chat behind /api/chat; answers nothing when absent. */
    assistant?: (org: OrganizerServices) => Promise<Assistant>;
  },
) {
  const org = createOrganizerServices({
    ward: testWard,
    store,
    adminIds: options.adminIds,
    certificates: new Certificates(store, "seed-secret-0123456789abcdef"),
  });
  const assistant: Assistant = options.assistant ? await options.assistant(org) : { handle: async () => [] };
  const app = createHttpServer({
    assistant,
    ...(await httpDeps(store)),
    health: async () => ({ status: "ok", store: "embedded" }),
    dashboard: {
      reports: org.reports,
      access: org.dashboard,
      organizerOf: org.organizerOf,
      contacts: org.localContacts,
      store,
      secureCookies: options.secureCookies ?? false,
      now: options.now,
    },
  });
  return { app, org, assistant };
}
