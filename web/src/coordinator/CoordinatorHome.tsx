import { Page } from '../components/Page';

/** The coordinator's home: a stable path (/coordinator) that the coordinator pages hang from. */
export function CoordinatorHome() {
  return (
    <Page title="Your home">
      <p className="govuk-body">Nothing here yet.</p>
    </Page>
  );
}
