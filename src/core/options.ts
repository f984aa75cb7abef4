import { z } from "zod";

/** Reusable option fields, so every command names and validates them the same way. */
export const shopOption = () =>
  z.string().max(100).optional().meta({ kind: "shop", named: true, description: "Only this shop (name or id)" });
