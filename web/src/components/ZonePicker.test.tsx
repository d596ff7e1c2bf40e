import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserZone, placeName, searchPlaces } from '../time/zones';
import { ZonePicker } from './ZonePicker';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-02-20T12:05:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The picker as a form holds it: starting at the browser's zone, as sign-up does. */
function Form({ onChange = () => undefined }: { onChange?: (zone: string) => void }) {
  const [zone, setZone] = useState(browserZone);
  return (
    <ZonePicker
      id="timezone"
      label="Your time zone"
      value={zone}
      onChange={(z) => {
        setZone(z);
        onChange(z);
      }}
    />
  );
}

describe('searchPlaces', () => {
  it('finds places by city or country, best first, in words', () => {
    expect(searchPlaces('Athens').map((p) => placeName(p.zone))[0]).toBe('Athens, Greece');
    expect(searchPlaces('greece').map((p) => p.zone)).toEqual(['Europe/Athens']);
    expect(searchPlaces('London')[0].zone).toBe('Europe/London');
    expect(placeName('Europe/London')).toBe('London, United Kingdom');
    expect(searchPlaces('sao paulo')[0].zone).toBe('America/Sao_Paulo');
    expect(searchPlaces('Europe/Paris')[0].zone).toBe('Europe/Paris');
    expect(searchPlaces('United States').length).toBe(12);
    expect(searchPlaces('xyzzy')).toEqual([]);
    expect(searchPlaces('  ')).toEqual([]);
  });
});

describe('ZonePicker', () => {
  it('starts at the browser’s zone, in words with the time there now', () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'Europe/Athens',
    } as Intl.ResolvedDateTimeFormatOptions);
    render(<Form />);
    expect(screen.getByText('Athens, Greece — 14:05 now', { selector: 'strong' })).toBeTruthy();
    const athens = screen.getByRole('radio', { name: 'Athens, Greece — 14:05 now' });
    expect((athens as HTMLInputElement).checked).toBe(true);
    expect(document.body.textContent).not.toContain('Europe/');
  });

  it('filters the places as a person types, and Enter or a radio chooses one', () => {
    const chosen: string[] = [];
    render(<Form onChange={(z) => chosen.push(z)} />);
    const input = screen.getByLabelText('Your time zone');
    fireEvent.change(input, { target: { value: 'Greece' } });
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'Europe/Athens',
    ]);
    expect(screen.getByText('1 place matches.')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chosen).toEqual(['Europe/Athens']);

    fireEvent.change(input, { target: { value: 'Lon' } });
    fireEvent.click(screen.getByRole('radio', { name: /^London, United Kingdom/ }));
    expect(chosen).toEqual(['Europe/Athens', 'Europe/London']);
    expect(screen.getByText(/^London, United Kingdom — 12:05 now$/, { selector: 'strong' }));

    fireEvent.change(input, { target: { value: 'Atlantis' } });
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(screen.getByText('No places match.')).toBeTruthy();
  });
});
