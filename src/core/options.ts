import { z } from "zod";
import { isPeriodSpec, PERIOD_HELP } from "./periods.ts";

/** Reusable option fields, so every command names and validates them the same way. */
export const shopOption = () =>
  z.string().max(100).optional().meta({ kind: "shop", named: true, description: "Only this shop" });

export const periodOption = (fallback: string) =>
  z
    .string()
    .max(40)
    .transform((v) => v.trim().toLowerCase())
    .refine(isPeriodSpec, { message: `is not a period; use ${PERIOD_HELP}` })
    .default(fallback)
    .meta({
      kind: "period",
      // Short: Discord counts every option description of /balance against one 4,000-character budget.
      description: `e.g. 7d, mtd, 2026-10 (default ${fallback})`,
    });

/** A numeric id as shown in lists ("3" or "#3"). */
export const idOption = (description: string) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.replace(/^#/, "") : v),
      z.coerce
        .number({ message: "must be a number like 3 (see the list)" })
        .int({ message: "must be a whole number like 3" })
        .min(1, { message: "must be 1 or more" })
        .max(2_147_483_647, { message: "is too large to be an id" }),
    )
    .meta({ kind: "id", description });
