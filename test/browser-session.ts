import type { Response } from 'supertest';
import { PASSWORD, TestApp, testIp } from './app';

export interface BrowserSession {
  accessToken: string;
  /** The raw refresh token from the `vws_refresh` cookie. */
  refreshToken: string;
}

/** Every Set-Cookie header of a response, as sent. */
export const setCookies = (res: Response): string[] => {
  const header = res.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : ([] as string[]).concat(header);
};

export const refreshCookieOf = (res: Response): string | undefined =>
  setCookies(res)
    .find((c) => c.startsWith('vws_refresh='))
    ?.split(';')[0]
    .slice('vws_refresh='.length);

/** Signs in as a browser does: the access token from the body, the refresh token from the cookie. */
export async function browserLogin(
  t: TestApp,
  email: string,
  password = PASSWORD,
): Promise<BrowserSession> {
  const res = await t.http
    .post('/v1/auth/login')
    .set('X-Forwarded-For', testIp())
    .send({ email, password })
    .expect(200);
  const refreshToken = refreshCookieOf(res);
  if (!refreshToken) throw new Error('login set no refresh cookie');
  return { accessToken: res.body.accessToken as string, refreshToken };
}

/** POST /v1/auth/refresh as the web app sends it: the cookie and the CSRF header. */
export const refresh = (t: TestApp, refreshToken: string) =>
  t.http
    .post('/v1/auth/refresh')
    .set('Cookie', `vws_refresh=${refreshToken}`)
    .set('X-Requested-With', 'fetch');

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
