import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Radios } from '../components/Choices';
import { groupSlotsByDay } from './slotGroups';

const slots = [
  { startsAt: { utc: '2026-12-03T21:30:00.000Z' } },
  { startsAt: { utc: '2026-12-03T09:00:00.000Z' } },
  { startsAt: { utc: '2026-12-04T10:00:00.000Z' } },
];

describe('groupSlotsByDay', () => {
  it('groups by the calendar day of the chosen zone, not UTC', () => {
    expect(
      groupSlotsByDay(slots, 'Europe/London').map((d) => [d.date, d.slots.map((s) => s.label)]),
    ).toEqual([
      ['2026-12-03', ['09:00', '21:30']],
      ['2026-12-04', ['10:00']],
    ]);
    // 21:30 UTC is 23:30 in Athens on 3 Dec but 00:30 on 4 Dec in Dubai.
    expect(
      groupSlotsByDay(slots, 'Asia/Dubai').map((d) => [d.date, d.slots.map((s) => s.label)]),
    ).toEqual([
      ['2026-12-03', ['13:00']],
      ['2026-12-04', ['01:30', '14:00']],
    ]);
  });

  it('renders each day as a radio group whose times can be picked', async () => {
    const days = groupSlotsByDay(slots, 'Asia/Dubai');
    let picked = '';
    render(
      <>
        {days.map((day) => (
          <Radios
            key={day.date}
            id={`slot-${day.date}`}
            legend={day.heading}
            value=""
            onChange={(v) => (picked = v)}
            choices={day.slots.map((s) => ({ value: s.startsAt, label: s.label }))}
          />
        ))}
      </>,
    );
    expect(screen.getByRole('group', { name: /Friday,? 4 December 2026/ })).toBeTruthy();
    await userEvent.click(screen.getByLabelText('01:30'));
    expect(picked).toBe('2026-12-03T21:30:00.000Z');
  });
});
