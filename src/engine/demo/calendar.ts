const DAY_MS = 86_400_000;

/** The demo history's days: day 0 is the first UTC day, day `days - 1` the day of `end`. */
export interface DemoCalendar {
  start: Date;
  end: Date;
  days: number;
  dayStartMs(day: number): number;
  dateOf(day: number): Date;
  isoOf(day: number, secondOfDay?: number): string;
  isMonday(day: number): boolean;
  dayOf(date: Date): number;
}

/** A history of `days` UTC days whose last day contains `end`; nothing is placed at or after `end`. */
export function demoCalendar(end: Date, days: number): DemoCalendar {
  const lastDayMs = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
  const startMs = lastDayMs - (days - 1) * DAY_MS;
  const dayStartMs = (day: number) => startMs + day * DAY_MS;
  return {
    start: new Date(startMs),
    end: new Date(end),
    days,
    dayStartMs,
    dateOf: (day) => new Date(dayStartMs(day)),
    isoOf: (day, secondOfDay = 0) => new Date(dayStartMs(day) + secondOfDay * 1000).toISOString(),
    isMonday: (day) => new Date(dayStartMs(day)).getUTCDay() === 1,
    dayOf: (date) => Math.floor((date.getTime() - startMs) / DAY_MS),
  };
}
