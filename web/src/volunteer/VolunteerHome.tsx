import { Page } from '../components/Page';

/** The volunteer's home: a stable path (/volunteer) that the volunteer pages hang from. */
export function VolunteerHome() {
  return (
    <Page title="Your home">
      <p className="govuk-body">Nothing here yet.</p>
    </Page>
  );
}
