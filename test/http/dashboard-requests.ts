/** The organizers' dashboard in process (Fastify inject): who signs in, and the requests behind the login. */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import type { OrganizerServices } from "../../src/organizer/organizer.ts";
import type { Organizer } from "../../src/organizer/roles.ts";
import type { Store } from "../../src/storage/store.ts";
import { tempStoreUnscoped } from "../helpers/core.ts";
import { dashboardServer } from "../helpers/dashboard.ts";
import { NOW, PERIOD, POPULATION_CSV, seedWard } from "../organizer/reports/seed-ward.ts";

export const ADMIN = "tg:admin";
export const TO1_ORGANIZER = "tg:to1-lead";
export const PERIOD_QUERY = `from=${PERIOD.from}&to=${PERIOD.to}`;
export const FORM = { "content-type": "application/x-www-form-urlencoded" };

export interface Dashboard {
  app: FastifyInstance;
  store: Store;
  org: OrganizerServices;
}

/** The dashboard in process with `tg:admin` as the admin, over an empty or the seeded ward. */
export async function startDashboard(seeded: boolean, secureCookies = false): Promise<Dashboard> {
  const store = await tempStoreUnscoped();
  if (seeded) await seedWard(store);
  const { app, org } = await dashboardServer(store, { adminIds: [ADMIN], now: () => NOW, secureCookies });
  await app.ready();
  return { app, store, org };
}

export const cookieOf = (res: LightMyRequestResponse) => {
  const header = String(res.headers["set-cookie"] ?? "");
  const token = /hvs_quantri=([^;]*)/.exec(header)?.[1];
  if (!token) throw new Error(`no session cookie in ${header}`);
  return `hvs_quantri=${token}`;
};

export const login = (app: FastifyInstance, code: string, ip = "127.0.0.1") =>
  app.inject({
    method: "POST",
    url: "/quan-tri/dang-nhap",
    headers: FORM,
    payload: `code=${encodeURIComponent(code)}`,
    remoteAddress: ip,
  });

/** Logs the person in through the form and returns the cookie header to send back. */
export async function signIn(s: Dashboard, personId: string, ip?: string): Promise<string> {
  const res = await login(s.app, await s.org.dashboard.issueCode(personId), ip);
  expect(res.statusCode).toBe(303);
  return cookieOf(res);
}

export const get = (app: FastifyInstance, url: string, cookie?: string) =>
  app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });

export const expectLoginRedirect = (res: LightMyRequestResponse) => {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe("/quan-tri/dang-nhap");
  expect(res.body).toBe("");
  expect(res.headers["cache-control"]).toBe("no-store");
};

/** Every route behind the login, as a request without or with a given cookie. */
export const protectedRequests = (app: FastifyInstance, cookie?: string) => [
  get(app, "/quan-tri", cookie),
  get(app, `/quan-tri?${PERIOD_QUERY}`, cookie),
  get(app, `/quan-tri/bao-cao.csv?${PERIOD_QUERY}`, cookie),
  get(app, `/quan-tri/bao-cao.xlsx?${PERIOD_QUERY}`, cookie),
  get(app, "/quan-tri/dan-so-mau.csv", cookie),
  app.inject({
    method: "POST",
    url: "/quan-tri/dan-so",
    headers: { ...FORM, ...(cookie ? { cookie } : {}) },
    payload: `csv=${encodeURIComponent(POPULATION_CSV)}`,
  }),
];

/** The ward's admin, as the role checks see them. */
export const ADMIN_ORGANIZER: Organizer = { personId: ADMIN, admin: true, scope: { ward: true } };

/**
 * The dashboard over the seeded ward for one file's tests, with a tổ 1 organizer granted; the fields are
 * filled before the first test and closed after the last.
 */
export function seededWard(): Dashboard {
  const s = {} as Dashboard;
  beforeAll(async () => {
    Object.assign(s, await startDashboard(true));
    await s.org.roles.grant(ADMIN_ORGANIZER, TO1_ORGANIZER, { ward: false, tos: ["Tổ 1"] }, NOW);
  });
  afterAll(async () => {
    await s.app.close();
    await s.store.close();
  });
  return s;
}
