import { RequestBodyError } from './problem';

/** JSON nested deeper than this is refused before parsing: no form of this API nests past 4. */
export const MAX_JSON_DEPTH = 32;

const [OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY, QUOTE, BACKSLASH] = [
  '{',
  '[',
  '}',
  ']',
  '"',
  '\\',
].map((c) => c.charCodeAt(0));

/**
 * body-parser `verify` hook: one pass over the raw bytes counting open brackets outside strings,
 * so a body nested thousands deep never reaches JSON.parse, class-transformer or a validator
 * (each of which recurses).
 */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > MAX_JSON_DEPTH) throw new RequestBodyError('entity.too.deep', 400);
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
}
