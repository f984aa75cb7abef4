import { z } from "zod";
import { isPeriodSpec } from "./periods.ts";

/** Reusable option fields, so every command names and validates them the same way. */
export const shopOption = () =>
  z
    .string()
    .max(100)
    .optional()
    .meta({
      kind: "shop",
      named: true,
      description: "Only this shop",
      describedBy: { key: "commands.option shop" },
    });

export const periodOption = (fallback: string) =>
  z
    .string()
    .max(40)
    .transform((v) => v.trim().toLowerCase())
    .refine(isPeriodSpec, { message: "optionProblems.notAPeriod" })
    .default(fallback)
    .meta({
      kind: "period",
      // Short: Discord counts every option description of /balance against one 8,000-character budget (the longest localization of each counts).
      description: `e.g. 7d, mtd, 2026-10 (default ${fallback})`,
      describedBy: { key: "commands.option period", values: { fallback } },
    });

/** A numeric id as shown in lists ("3" or "#3"). */
export const idOption = (description: string) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.replace(/^#/, "") : v),
      z.coerce
        .number({ message: "optionProblems.idNotANumber" })
        .int({ message: "optionProblems.idNotWhole" })
        .min(1, { message: "optionProblems.idTooSmall" })
        .max(2_147_483_647, { message: "optionProblems.idTooLarge" }),
    )
    .meta({ kind: "id", description });
