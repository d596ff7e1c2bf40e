/**
 * The public register's search for a membership number, opened in a new tab: a search, never a
 * guessed profile address. BACP's register search takes the number as `q`; UKCP's register has no
 * search address that takes one, so its page is opened and the coordinator types the number.
 */
export function registerSearch(
  body: string | null | undefined,
  number: string | null | undefined,
): { href: string; label: string } | null {
  if (!body || !number) return null;
  if (body === 'BACP')
    return {
      href: `https://www.bacp.co.uk/search/Register?q=${encodeURIComponent(number)}`,
      label: `Search the BACP Register for ${number}`,
    };
  if (body === 'UKCP')
    return {
      href: 'https://www.psychotherapy.org.uk/about-ukcp/our-register/',
      label: `Open the UKCP Register to search for ${number}`,
    };
  return null;
}
