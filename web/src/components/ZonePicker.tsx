import { useMemo, useState, type KeyboardEvent } from 'react';
import { browserZone, COMMON_ZONES, placeOf, searchPlaces, zoneWords } from '../time/zones';
import { ErrorMessage } from './Field';

interface ZonePickerProps {
  /** The text input's id (an error summary links to it). */
  id: string;
  label: string;
  /** The zone chosen; the caller starts it at the person's saved zone or `browserZone()`. */
  value: string;
  onChange: (zone: string) => void;
  error?: string;
}

/**
 * A searchable choice of time zone, shown as places ("Athens, Greece — 14:05 now"), never as a
 * zone's id. A labelled text input filters a group of radio buttons: type a city or country, then
 * Tab or ↓ to the places and choose one with the arrow keys; Enter in the input takes the first.
 * The number of places found is announced as the list changes.
 */
export function ZonePicker({ id, label, value, onChange, error }: ZonePickerProps) {
  const [query, setQuery] = useState('');
  const places = useMemo(() => {
    if (query.trim()) return searchPlaces(query);
    const zones = [...new Set([value, browserZone(), ...COMMON_ZONES])];
    return zones.map(placeOf);
  }, [query, value]);
  const now = new Date();
  const radio = (i: number) => `${id}-place-${i}`;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Enter chooses the best match rather than sending the form half done.
      event.preventDefault();
      if (places[0]) onChange(places[0].zone);
    } else if (event.key === 'ArrowDown' && places[0]) {
      event.preventDefault();
      document.getElementById(radio(0))?.focus();
    }
  };
  const described = [`${id}-hint`, `${id}-chosen`, error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        Type a city or country, for example Athens, Greece or London, then choose the place.
      </div>
      <ErrorMessage id={id} message={error} />
      <p className="govuk-body" id={`${id}-chosen`}>
        Chosen: <strong>{value ? zoneWords(value, now) : 'none yet'}</strong>
      </p>
      <input
        id={id}
        name={id}
        type="text"
        className={`govuk-input govuk-!-width-full${error ? ' govuk-input--error' : ''}`}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={described}
        aria-controls={`${id}-places`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="govuk-visually-hidden" aria-live="polite">
        {query.trim()
          ? places.length === 0
            ? 'No places match.'
            : `${places.length} ${places.length === 1 ? 'place matches' : 'places match'}.`
          : ''}
      </p>
      <fieldset className="govuk-fieldset govuk-!-margin-top-3" id={`${id}-places`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          {query.trim() ? 'Places that match' : 'Places'}
        </legend>
        {places.length === 0 && (
          <p className="govuk-body">
            No place matches “{query.trim()}”. Try the nearest large city, or your country.
          </p>
        )}
        <div className="govuk-radios govuk-radios--small">
          {places.map((place, i) => (
            <div className="govuk-radios__item" key={place.zone}>
              <input
                className="govuk-radios__input"
                id={radio(i)}
                name={`${id}-place`}
                type="radio"
                value={place.zone}
                checked={value === place.zone}
                onChange={() => onChange(place.zone)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={radio(i)}>
                {zoneWords(place.zone, now)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
