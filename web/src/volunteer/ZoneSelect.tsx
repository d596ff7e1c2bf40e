import { useId } from 'react';

const COMMON = [
  'Europe/London',
  'Europe/Paris',
  'Europe/Athens',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Africa/Lagos',
  'Asia/Beirut',
  'Asia/Amman',
  'America/New_York',
  'UTC',
];

/** Which zone to show times in; starts at the person's own zone from their profile. */
export function ZoneSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (zone: string) => void;
}) {
  const id = useId();
  const zones = COMMON.includes(value) ? COMMON : [value, ...COMMON];
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        Show times in
      </label>
      <select
        id={id}
        className="govuk-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </div>
  );
}
