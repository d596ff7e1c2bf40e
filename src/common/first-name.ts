/** "Sam Okafor" → "Sam": how texts and pairings name a person; null when there is no name. */
export function firstName(fullName: string | null | undefined): string | null {
  const first = fullName?.trim().split(/\s+/)[0];
  return first ? first : null;
}
