/** The local sandbox shop: a seeded fake of the TikTok Shop API for demos and tests. */
export {
  SANDBOX_APP_KEY,
  SANDBOX_APP_SECRET,
  SANDBOX_AUTH_CODE,
  SANDBOX_CREATOR,
  SANDBOX_CREATOR_AUTH_CODE,
  SANDBOX_SELLER,
  SANDBOX_SHOPS,
} from "./catalog.ts";
export type { SandboxFaults } from "./faults.ts";
export {
  type QpsViolation,
  type SandboxOptions,
  type SandboxShop,
  type SandboxShopInfo,
  startSandboxShop,
} from "./server.ts";
export { DEMO_PAID_AFTER_MIN } from "./statements.ts";
