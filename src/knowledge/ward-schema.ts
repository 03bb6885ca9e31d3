import { z } from "zod";
import { fieldShapes } from "../catalog/knowledge-check.ts";
import { contactSchema } from "./schema.ts";

/** The plan targets the assistant's records can measure (organizer/reports/targets.ts knows how). */
export const MEASURABLE_TARGETS = [
  "nguoi-truong-thanh",
  "can-bo",
  "hoc-sinh",
  "lao-dong",
  "can-bo-ai",
  "nguoi-hoc-ai",
] as const;
export type MeasurableTarget = (typeof MEASURABLE_TARGETS)[number];

const targetSchema = z.strictObject({
  id: z.enum(MEASURABLE_TARGETS),
  /** The target as the plan words it, shortened. */
  label: z.string().min(5),
  /** Share to reach, 0–1. */
  share: z.number().gt(0).lte(1),
  /** "above": the plan says "trên" (strictly more than); "reach": at least. */
  kind: z.enum(["above", "reach"]),
});

const deadlineSchema = z.strictObject({
  report: z.string().min(3),
  /** Day and month, "20/5": the report is due before this day each year. */
  before: z.string().regex(/^([1-9]|[12]\d|3[01])\/([1-9]|1[0-2])$/, fieldShapes.dayMonth),
});

/** knowledge/ward.yaml: everything that makes the assistant this ward's and not another's. */
export const wardFileSchema = z.strictObject({
  /** "phường Phan Đình Phùng": how answers and pages name the ward. */
  name: z.string().min(3),
  province: z.string().min(3),
  /** The plan the targets come from, as cited in reports. */
  plan: z.string().min(3),
  /** The ward's tổ dân phố, offered at registration; empty → learners type their tổ. */
  to_dan_pho: z.array(z.string().min(1).max(40)).default([]),
  targets: z.array(targetSchema).min(1),
  report_deadlines: z.array(deadlineSchema).default([]),
  /** Local offices and pages; an empty value means "not filled in yet" (answers then send people to ask). */
  contacts: z.array(contactSchema),
});
export type WardProfile = z.infer<typeof wardFileSchema>;
export type WardTarget = z.infer<typeof targetSchema>;
