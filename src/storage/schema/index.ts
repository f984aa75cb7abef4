export * from "./finance.ts";
export * from "./shops.ts";
export * from "./sync.ts";
export * from "./workspaces.ts";
