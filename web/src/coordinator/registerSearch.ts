/**
 * The public register to check a therapist on, opened in a new tab. Neither register takes a
 * number in its address: BACP's is searched by name and shows each registrant's certificate number
 * (not the membership number, which BACP keeps private); UKCP's is searched by name too. So the
 * link opens the register and says what to type and what to compare. Both addresses were checked
 * against the registers' own pages (bacp.co.uk "BACP Register", psychotherapy.org.uk "Our register").
 */
const REGISTERS: Record<string, { name: string; href: string }> = {
  BACP: {
    name: 'BACP Register',
    href: 'https://www.bacp.co.uk/about-us/protecting-the-public/bacp-register/',
  },
  UKCP: {
    name: 'UKCP Register',
    href: 'https://www.psychotherapy.org.uk/about-ukcp/our-register/',
  },
};

export function registerSearch(
  body: string | null | undefined,
  number: string | null | undefined,
  fullName: string,
): { href: string; label: string; hint: string } | null {
  const register = body ? REGISTERS[body] : undefined;
  if (!register || !number) return null;
  const surname = fullName.trim().split(/\s+/).at(-1) ?? fullName;
  return {
    href: register.href,
    label: `Open the ${register.name}`,
    hint: `Search for the surname ${surname}, then check the entry shows number ${number}.`,
  };
}
