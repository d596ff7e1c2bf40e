import { placeName } from '../time/zones';
import { ZonePicker } from './ZonePicker';

/** Which place's time the page shows, folded away until a person wants to change it. */
export function ShowTimesIn({
  value,
  onChange,
}: {
  value: string;
  onChange: (zone: string) => void;
}) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Times are shown for {placeName(value)}. Change
        </span>
      </summary>
      <div className="govuk-details__text">
        <ZonePicker id="show-times-in" label="Show times in" value={value} onChange={onChange} />
      </div>
    </details>
  );
}
