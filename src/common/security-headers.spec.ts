import { createHash } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import {
  cspDirectives,
  inlineSources,
  mergeSources,
  securityHeaders,
  serializeCsp,
} from './security-headers';

const appWith = (production: boolean) => {
  const app = express();
  app.use(...securityHeaders({ pages: mergeSources([]), production }));
  app.get('/', (_req, res) => res.json({}));
  return app;
};

describe('security headers', () => {
  it('sends HSTS and upgrade-insecure-requests in production only', async () => {
    const production = await request(appWith(true)).get('/');
    expect(production.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(production.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const development = await request(appWith(false)).get('/');
    expect(development.headers['strict-transport-security']).toBeUndefined();
    expect(development.headers['content-security-policy']).not.toContain('upgrade-insecure');
  });

  it('finds inline scripts, styles and style attributes, not scripts with src or text in scripts', () => {
    const html = [
      '<script type="module" src="/a.js"></script>',
      '<script>var s = \'<b style="x:1">\';</script>',
      '<style>p{color:red}</style>',
      '<svg style="position:absolute"></svg>',
      '<p title="a" style=\'color: &quot;blue&quot;\'>x</p>',
    ].join('\n');
    expect(inlineSources(html)).toEqual({
      scripts: ['var s = \'<b style="x:1">\';'],
      styles: ['p{color:red}'],
      styleAttributes: ['position:absolute', 'color: "blue"'],
    });
  });

  it('allows inline code by hash only, and style attributes only with unsafe-hashes', () => {
    const none = serializeCsp(cspDirectives(mergeSources([]), false));
    expect(none).toContain("script-src 'self';");
    expect(none).toContain("style-src-attr 'none'");
    const some = cspDirectives(inlineSources('<div style="a:b"></div><script>x()</script>'), false);
    expect(some['script-src']).toEqual([
      "'self'",
      `'sha256-${createHash('sha256').update('x()').digest('base64')}'`,
    ]);
    expect(some['style-src-attr'][0]).toBe("'unsafe-hashes'");
    expect(serializeCsp(some)).not.toContain('unsafe-inline');
  });
});
