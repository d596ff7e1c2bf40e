import { formatDay, formatTime, localDate } from '../time/formatZoned';

export interface SlotDay {
  /** "2026-12-03" in the viewer's zone */
  date: string;
  /** "Thursday 3 December 2026" */
  heading: string;
  slots: { startsAt: string; label: string }[];
}

/**
 * Groups free slots by calendar day in `zone` (their `startsAt.utc`), the zone the volunteer chose: a slot at
 * 23:30 UTC belongs to the next day in Athens. Days and times stay in the order given.
 */
export function groupSlotsByDay(slots: { startsAt: { utc: string } }[], zone: string): SlotDay[] {
  const days = new Map<string, SlotDay>();
  const starts = slots.map((s) => s.startsAt.utc).sort((a, b) => a.localeCompare(b));
  for (const startsAt of starts) {
    const date = localDate(startsAt, zone);
    let day = days.get(date);
    if (!day) {
      day = { date, heading: formatDay(startsAt, zone), slots: [] };
      days.set(date, day);
    }
    day.slots.push({ startsAt, label: formatTime(startsAt, zone) });
  }
  return [...days.values()];
}
