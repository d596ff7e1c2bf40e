import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { countryName } from '../words';
import { describedBy, FormGroup } from './Field';

/** Every country whose numbers the service reads, by name, with its calling code. */
const COUNTRIES = getCountries()
  .map((code) => ({
    value: code,
    label: `${countryName(code)} (+${getCountryCallingCode(code)})`,
  }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

interface PhoneInputProps {
  /** The number as the person writes it, e.g. 07911 123456. */
  number: string;
  /** The country it is from (ISO code, e.g. GB): the server reads the number in it. */
  country: string;
  onNumber: (value: string) => void;
  onCountry: (value: string) => void;
  label?: string;
  hint?: string;
  numberError?: string;
  countryError?: string;
}

/**
 * The one phone field of the app: the country of the number, then the number as it is written
 * there. The server reads it (src/common/phone.ts) and answers in plain words when it cannot; the
 * ids `phoneCountry` and `phone` are the fields its errors name.
 */
export function PhoneInput({
  number,
  country,
  onNumber,
  onCountry,
  label = 'Mobile phone number (optional)',
  hint = 'We text reminders to it, once you have confirmed it with a code we send.',
  numberError,
  countryError,
}: PhoneInputProps) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="phone-fieldset-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <div id="phone-fieldset-hint" className="govuk-hint">
          {hint}
        </div>
        <FormGroup id="phoneCountry" label="Country of the number" error={countryError}>
          <select
            id="phoneCountry"
            name="phoneCountry"
            className={`govuk-select${countryError ? ' govuk-select--error' : ''}`}
            value={country}
            aria-describedby={describedBy('phoneCountry', undefined, countryError)}
            onChange={(e) => onCountry(e.target.value)}
          >
            {COUNTRIES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </FormGroup>
        <FormGroup
          id="phone"
          label="Number"
          hint="As you would dial it in that country, for example 07911 123456"
          error={numberError}
        >
          <input
            id="phone"
            name="phone"
            type="tel"
            autoComplete="tel-national"
            className={`govuk-input govuk-input--width-20${numberError ? ' govuk-input--error' : ''}`}
            value={number}
            aria-describedby={describedBy('phone', 'hint', numberError)}
            onChange={(e) => onNumber(e.target.value)}
          />
        </FormGroup>
      </fieldset>
    </div>
  );
}
