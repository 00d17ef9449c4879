/** An ISO 8601 week, `2026-W49`: weeks start on Monday and week 1 holds the year's first Thursday. */
export type IsoWeek = string;

const DAY = 24 * 60 * 60 * 1000;
export const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** The ISO week a moment falls in (UTC). */
export function isoWeekOf(at: string | Date): IsoWeek {
  const date = new Date(typeof at === 'string' ? Date.parse(at) : at.getTime());
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  // The Thursday of this week decides the year.
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3));
  const newYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - newYear) / DAY / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of an ISO week. */
export function mondayOf(week: IsoWeek): Date {
  const [year, number] = [Number(week.slice(0, 4)), Number(week.slice(6))];
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY;
  return new Date(mondayOfWeek1 + (number - 1) * 7 * DAY);
}

/** The week `n` weeks after (negative: before) the given one. */
export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  return isoWeekOf(new Date(mondayOf(week).getTime() + n * 7 * DAY));
}

/** The weeks from `from` to `to`, both included, oldest first (empty when `from` is after `to`). */
export function weeksBetween(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let week = from; week <= to; week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}
