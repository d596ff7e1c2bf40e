import { Page } from '../components/Page';

/** The buddy's home: a stable path (/buddy) that the buddy pages hang from. */
export function BuddyHome() {
  return (
    <Page title="Your home">
      <p className="govuk-body">Nothing here yet.</p>
    </Page>
  );
}
