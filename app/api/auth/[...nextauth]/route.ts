// next-auth's endpoints (session, CSRF, OAuth callbacks, sign-out) under /api/auth.
import { handlers } from '@/lib/accounts/auth';

export const { GET, POST } = handlers;
