import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers.mjs';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values.join(' ')]),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows our scripts and Next’s inline ones, never eval in production', () => {
    const csp = directives(contentSecurityPolicy({}, { dev: false }));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('img-src')).toContain('https:');
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('adds eval only for the development server', () => {
    expect(directives(contentSecurityPolicy({}, { dev: true })).get('script-src')).toBe(
      "'self' 'unsafe-inline' 'unsafe-eval'",
    );
  });

  it('lets sign-in forms reach only the OAuth providers whose keys are both set', () => {
    const both = { AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 's', AUTH_GOOGLE_ID: 'g', AUTH_GOOGLE_SECRET: 's' };
    expect(directives(contentSecurityPolicy(both, { dev: false })).get('form-action')).toBe(
      "'self' https://github.com https://accounts.google.com",
    );
    expect(
      directives(contentSecurityPolicy({ AUTH_GITHUB_ID: 'id', AUTH_GOOGLE_ID: ' ' }, { dev: false })).get(
        'form-action',
      ),
    ).toBe("'self'");
  });

  it('lets them reach a configured OpenID Connect provider at its issuer’s origin', () => {
    const oidc = { OIDC_ISSUER: 'https://id.example.com/realms/main/', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' };
    expect(directives(contentSecurityPolicy(oidc, { dev: false })).get('form-action')).toBe(
      "'self' https://id.example.com",
    );
  });

  it('upgrades insecure requests only on an https site', () => {
    expect(contentSecurityPolicy({ SITE_URL: 'https://hutong.example' }, { dev: false })).toMatch(
      /; upgrade-insecure-requests$/,
    );
    expect(contentSecurityPolicy({ SITE_URL: 'http://127.0.0.1:3000' }, { dev: false })).not.toContain(
      'upgrade-insecure-requests',
    );
  });
});

describe('securityHeaders', () => {
  it('pairs the policy with the no-sniff, referrer, framing and permissions headers', () => {
    const headers = Object.fromEntries(securityHeaders({}, { dev: false }).map((h) => [h.key, h.value]));
    expect(Object.keys(headers).sort()).toEqual([
      'Content-Security-Policy',
      'Permissions-Policy',
      'Referrer-Policy',
      'X-Content-Type-Options',
      'X-Frame-Options',
    ]);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
