import type { AnyCommand } from "../src/core/define-command.ts";
import alertsAdd from "./alerts-add.ts";
import alertsList from "./alerts-list.ts";
import alertsRemove from "./alerts-remove.ts";
import { alertsUnmute, alertsUnsnooze } from "./alerts-undo.ts";
import balance from "./balance.ts";
import breakdown from "./breakdown.ts";
import chart from "./chart.ts";
import connect from "./connect.ts";
import creators from "./creators.ts";
import { digestOff, digestOn, digestPreview, digestTime, digestZone } from "./digest.ts";
import disconnect from "./disconnect.ts";
import earnings from "./earnings.ts";
import goalList from "./goal-list.ts";
import goalRemove from "./goal-remove.ts";
import goalSet from "./goal-set.ts";
import help from "./help.ts";
import importExport from "./import.ts";
import language from "./language.ts";
import order from "./order.ts";
import payouts from "./payouts.ts";
import products from "./products.ts";
import reconcile from "./reconcile.ts";
import shops from "./shops.ts";
import statement from "./statement.ts";
import statements from "./statements.ts";
import status from "./status.ts";

/** Every /balance command. A static list: Discord JSON, the Slack manifest and help derive from it. */
export const commands: readonly AnyCommand[] = [
  balance,
  earnings,
  breakdown,
  reconcile,
  order,
  creators,
  payouts,
  statements,
  statement,
  products,
  chart,
  goalSet,
  goalList,
  goalRemove,
  alertsAdd,
  alertsList,
  alertsRemove,
  alertsUnsnooze,
  alertsUnmute,
  digestOn,
  digestOff,
  digestTime,
  digestZone,
  digestPreview,
  shops,
  status,
  language,
  connect,
  disconnect,
  importExport,
  help,
];
