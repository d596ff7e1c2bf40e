import type { Page } from 'playwright-core';

/**
 * What must never reach a person on any page (issue #22, "Words, not codes"): a raw ISO timestamp,
 * a time-zone id such as `Europe/London`, an internal key such as `session:ffa9…`, or a bare list of language codes ("en, fr").
 */
export const INTERNAL_TEXT: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'an ISO timestamp', pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/ },
  {
    what: 'a time-zone id',
    pattern:
      /\b(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Z][A-Za-z_]+/,
  },
  { what: 'an internal key', pattern: /\b(session|checkin|pairing|concern|vetting):[0-9a-f]{4}/ },
  {
    what: 'a list of language codes',
    pattern: /\b(en|fr|ar|es|de|el|uk|ru)(, (en|fr|ar|es|de|el|uk|ru))+\b/,
  },
];

/** Each internal-looking piece of the page's visible text, with what it looks like. */
export function internalTextIn(text: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of INTERNAL_TEXT) {
    const m = pattern.exec(text);
    if (m) {
      const at = Math.max(0, m.index - 40);
      found.push(`${what}: …${text.slice(at, m.index + m[0].length + 40).replace(/\s+/g, ' ')}…`);
    }
  }
  return found;
}

/** The visible text of the page (what a person can read), checked for internal codes. */
export async function internalTextOn(page: Page): Promise<string[]> {
  return internalTextIn(await page.locator('body').innerText());
}
