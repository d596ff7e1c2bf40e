const names = new Intl.DisplayNames(['en-GB'], { type: 'language' });

/** ['en', 'fr'] → "English or French": language names, never codes. */
export function languageList(codes: readonly string[]): string {
  const words = codes.map((c) => names.of(c) ?? c);
  return words.length <= 1
    ? (words[0] ?? 'any language')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
