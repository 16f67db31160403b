// A real OpenID Connect provider on loopback for the end-to-end tests (started by playwright.config.ts),
// built on oidc-provider with its development login page: any login name signs in as that account.
// "name@example.com" has a verified address; "unverified:name@example.com" has the same kind of address,
// not verified. Consent is granted without a prompt, as a first-party client's would be.
import Provider from 'oidc-provider';

const [port = '3126', redirectUri = 'http://127.0.0.1:3100/api/auth/callback/oidc'] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'hutong-e2e',
      client_secret: 'hutong-e2e-oidc-secret',
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the scopes' claims in the ID token too, as Keycloak, Authentik and most providers do.
  conformIdTokenClaims: false,
  cookies: { keys: ['hutong-e2e-oidc-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const unverified = id.startsWith('unverified:');
    const email = unverified ? id.slice('unverified:'.length) : id;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email, email_verified: !unverified, name: email.split('@')[0] };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.listen(Number(port), () => console.log(`oidc provider: ${issuer}`));
