import { formatDay, formatTime, localDate } from '../time/formatZoned';

export interface SlotDay {
  /** "2026-12-03" in the viewer's zone */
  date: string;
  /** "Thursday 3 December 2026" */
  heading: string;
  slots: { startsAt: string; label: string }[];
}

/**
 * Groups free slots (UTC starts) by calendar day in `zone`, the zone the volunteer chose: a slot at
 * 23:30 UTC belongs to the next day in Athens. Days and times stay in the order given.
 */
export function groupSlotsByDay(slots: { startsAt: string }[], zone: string): SlotDay[] {
  const days = new Map<string, SlotDay>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const date = localDate(slot.startsAt, zone);
    let day = days.get(date);
    if (!day) {
      day = { date, heading: formatDay(slot.startsAt, zone), slots: [] };
      days.set(date, day);
    }
    day.slots.push({ startsAt: slot.startsAt, label: formatTime(slot.startsAt, zone) });
  }
  return [...days.values()];
}
