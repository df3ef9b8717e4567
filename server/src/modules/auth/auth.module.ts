import { defineModule } from '../module.js';
import type { Access } from '../../plugins/route-permissions.js';
import { authRoutes } from './auth.routes.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/pin': 'public',
  'GET /api/auth/pin-users': 'public',
  'POST /api/auth/logout': 'staff',
  'GET /api/auth/me': 'staff',
  'GET /api/auth/session': 'public',
  'POST /api/auth/password': 'staff',
  'POST /api/auth/totp/enroll': 'staff',
  'POST /api/auth/totp/confirm': 'staff',
  'POST /api/auth/totp/disable': 'staff',
};

/** First run (the owner's account), sign-in by password or PIN, two-step codes. */
export const authModule = defineModule({
  name: 'auth',
  needs: ['audit', 'users', 'sessions', 'settings'],
  gives: ['auth'],
  create: ({ db, clock, config }, { audit, users, sessions, settings }) => {
    const auth = new AuthService(
      db,
      clock,
      users,
      sessions,
      new LoginThrottle(clock, config),
      audit,
      settings,
    );
    return {
      gives: { auth },
      permissions: PERMISSIONS,
      routes: async (app) =>
        app.register(authRoutes, {
          service: auth,
          sessionMaxAgeSeconds: sessions.maxAgeSeconds,
          loginRateLimitPerMinute: config.loginRateLimitPerMinute,
        }),
    };
  },
});
