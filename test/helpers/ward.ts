import { readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { type WardProfile, wardFileSchema } from "../../src/knowledge/ward-schema.ts";

/** The repository's ward profile (knowledge/ward.yaml), for tests that build reports or organizer services. */
export const testWard: WardProfile = wardFileSchema.parse(
  YAML.parse(readFileSync(join(import.meta.dirname, "..", "..", "knowledge", "ward.yaml"), "utf8")),
);
