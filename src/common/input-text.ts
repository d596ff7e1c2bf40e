import type { FieldError } from './problem';

/**
 * C0 controls other than tab, LF and CR, and UTF-16 surrogates without their pair. PostgreSQL
 * refuses U+0000 outright, and none of them belongs in a name, a note or a query.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than this a value is refused (JSON bodies stop at 32 already; see http.ts). */
const MAX_DEPTH = 64;

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * Every string in a parsed body, query or route parameter that carries a control character or a
 * broken surrogate, by field path (`weekly.0.start`), in the form the validation errors use.
 */
export function badTextFields(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') {
    return FORBIDDEN.test(value)
      ? [
          {
            field: path || 'value',
            message: `${path || 'value'} must not contain control characters or unpaired surrogates`,
          },
        ]
      : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_DEPTH) return [{ field: path || 'value', message: 'nested too deeply' }];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [
    ...(typeof key === 'string' && FORBIDDEN.test(key)
      ? [{ field: join(path, 'key'), message: 'field names must not contain control characters' }]
      : []),
    ...badTextFields(item, join(path, key), depth + 1),
  ]);
}
