import type { Messages } from "../../catalog.ts";

/** What is wrong with a typed option, after "Period "9x" is not valid:" (the option's definitions name these keys). */
export default {
  notAPeriod: "is not a period; use {help}",
  idNotANumber: "must be a number like 3 (see the list)",
  idNotWhole: "must be a whole number like 3",
  idTooSmall: "must be 1 or more",
  idTooLarge: "is too large to be an id",
} as const satisfies Messages;
