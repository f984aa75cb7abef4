export * from "./connect.ts";
export * from "./delivery.ts";
export * from "./finance.ts";
export * from "./products.ts";
export * from "./settings.ts";
export * from "./shops.ts";
export * from "./sync.ts";
export * from "./workspaces.ts";
