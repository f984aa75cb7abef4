/**
 * Every message area, one line each (keep them sorted; an area is a folder with en/id/vi/th and an
 * index.ts calling defineArea). A key is `<area>.<key>`, e.g. `shops.title`.
 */
export { default as actions } from "./actions/index.ts";
export { default as alert } from "./alert/index.ts";
export { default as alertRules } from "./alertRules/index.ts";
export { default as amounts } from "./amounts/index.ts";
export { default as balance } from "./balance/index.ts";
export { default as breakdown } from "./breakdown/index.ts";
export { default as channelAccess } from "./channelAccess/index.ts";
export { default as chart } from "./chart/index.ts";
export { default as chrome } from "./chrome/index.ts";
export { default as commands } from "./commands/index.ts";
export { default as connect } from "./connect/index.ts";
export { default as connectedAccount } from "./connectedAccount/index.ts";
export { default as core } from "./core/index.ts";
export { default as creators } from "./creators/index.ts";
export { default as digest } from "./digest/index.ts";
export { default as digestSettings } from "./digestSettings/index.ts";
export { default as earnings } from "./earnings/index.ts";
export { default as goals } from "./goals/index.ts";
export { default as importFile } from "./importFile/index.ts";
export { default as importRows } from "./importRows/index.ts";
export { default as imports } from "./imports/index.ts";
export { default as language } from "./language/index.ts";
export { default as lineQuota } from "./lineQuota/index.ts";
export { default as lines } from "./lines/index.ts";
export { default as optionProblems } from "./optionProblems/index.ts";
export { default as order } from "./order/index.ts";
export { default as payouts } from "./payouts/index.ts";
export { default as products } from "./products/index.ts";
export { default as reconcile } from "./reconcile/index.ts";
export { default as reports } from "./reports/index.ts";
export { default as shopPick } from "./shopPick/index.ts";
export { default as shops } from "./shops/index.ts";
export { default as statement } from "./statement/index.ts";
export { default as statements } from "./statements/index.ts";
export { default as status } from "./status/index.ts";
export { default as terminal } from "./terminal/index.ts";
