import { DateTime, IANAZone } from "luxon";

const HH_MM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * Why a channel's digest can never be scheduled as stored ("ab:cd", an unknown zone), or
 * undefined when it can. The command refuses such input; this catches hand edits and old rows.
 */
export function digestSettingProblem(setting: { digestTime: string; zone: string }): string | undefined {
  if (!HH_MM.test(setting.digestTime)) return `digest time "${setting.digestTime}" is not a 24-hour HH:MM`;
  if (!IANAZone.isValidZone(setting.zone)) return `digest time zone "${setting.zone}" is not an IANA zone`;
  return undefined;
}

/** Today's due instant in the channel's zone, and today's local date (a valid setting only). */
export function digestDue(setting: { digestTime: string; zone: string }, now: Date) {
  const match = HH_MM.exec(setting.digestTime);
  const local = DateTime.fromJSDate(now, { zone: setting.zone });
  const due = DateTime.fromObject(
    {
      year: local.year,
      month: local.month,
      day: local.day,
      hour: Number(match?.[1] ?? 9),
      minute: Number(match?.[2] ?? 0),
    },
    { zone: setting.zone },
  );
  return { due, date: local.toISODate() ?? "" };
}
