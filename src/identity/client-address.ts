import { isIPv6 } from 'node:net';

/**
 * The key a client's login failures count under: an IPv4 address as is, an IPv6 address by its
 * /64, because one subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function clientKey(ip: string | undefined): string {
  const address = (ip ?? '').replace(/%.*$/, '');
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (v4) return v4[1];
  if (!isIPv6(address)) return 'unknown';
  return `${hextets(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, expanded and lower-case. */
function hextets(address: string): string[] {
  const withoutV4Tail = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [
      [a, b],
      [c, d],
    ]
      .map(([x, y]) => ((Number(x) << 8) | Number(y)).toString(16))
      .join(':'),
  );
  const [head, tail] = withoutV4Tail.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((h) => parseInt(h, 16).toString(16));
}
