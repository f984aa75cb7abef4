import type { Messages } from "../../catalog.ts";

/** `/balance goal set|list|remove` and the goal's period label (src/core/goals.ts). */
export default {
  setTitle: "Goal #{id} set",
  setSummary:
    "{cadence, select, daily {daily} weekly {weekly} other {monthly}} {metric, select, revenue {revenue} other {settled}} goal of {amount} for {shop}: {percent}% so far ({period}, {zone}).",
  notPositive: "amount must be above zero, e.g. 5000",
  listTitle: "Goals ({count})",
  listNone: "No goals yet",
  listSummary: "{count} goal(s)",
  listNoneNote: "No goals yet. An admin sets one with /balance goal set 5000 monthly",
  rowGoal:
    "{shop}: {cadence, select, daily {daily} weekly {weekly} other {monthly}} {metric, select, revenue {revenue} other {settled}}",
  rowProgress: "{achieved} of {target} ({percent}%)",
  rowReached: "reached ✓",
  rowPace: "needs {amount}/day for {days, plural, one {# day} other {# days}}",
  columnId: "Id",
  columnGoal: "Goal",
  columnProgress: "Progress",
  columnPace: "Pace",
  columnProjection: "Projection",
  columnPeriod: "Period",
  listNote:
    "Settled clock; days in each shop's zone. Projection = the period's total at the current daily pace.",
  removed: "Goal #{id} removed",
  notFound: "there is no goal #{id} in this workspace (see /balance goal list)",
  weekOf: "week of {day}",
} as const satisfies Messages;
