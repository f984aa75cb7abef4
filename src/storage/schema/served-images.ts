import { customType, index, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * Chart PNGs the bot serves by link, for platforms that take an image URL instead of an upload
 * (LINE fetches an https URL). Kept in the database so any replica behind PUBLIC_URL can serve
 * a link another one wrote; rows past `expires_at` are refused and swept.
 */
export const servedImages = pgTable(
  "served_images",
  {
    id: text("id").primaryKey(),
    png: bytea("png").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("served_images_expires").on(t.expiresAt)],
);
