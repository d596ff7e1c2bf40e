import { Link } from '../app/router';

/**
 * Said wherever a person looks for their texts (home, account, profile) while their number is not
 * confirmed: no text goes to it until they type back the code we send.
 */
/** What it needs of an account (`GET /v1/me` or a saved profile's answer). */
interface PhoneState {
  phone: string | null;
  phoneConfirmed: boolean;
  phoneNational: string | null;
}

export function PhoneUnconfirmed({ me }: { me: PhoneState }) {
  if (!me.phone || me.phoneConfirmed) return null;
  return (
    <div className="govuk-inset-text" data-testid="phone-unconfirmed">
      <p className="govuk-body">
        <strong>We will not text you yet.</strong> Your mobile number {me.phoneNational} is not
        confirmed, so reminders do not go to it.
      </p>
      <p className="govuk-body">
        <Link to="/account/phone">Confirm your number with a code</Link>
      </p>
    </div>
  );
}
