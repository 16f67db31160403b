// What the app may know about a reader's account (never the password hash), and the columns that select it.
import { sql } from 'drizzle-orm';
import { users, type UserRole } from '@/lib/db/schema';

export type AccountUser = {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  /** When the reader proved they own the address; null until then (EDITOR_EMAILS grants nothing before). */
  emailVerified: Date | null;
  hasPassword: boolean;
  createdAt: Date;
};

export const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  emailVerified: users.emailVerified,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean),
  createdAt: users.createdAt,
};
