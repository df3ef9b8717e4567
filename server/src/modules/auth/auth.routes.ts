import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static, TObject } from '@sinclair/typebox';
import { withProblems, NoContent } from '../../lib/schema.js';
import { noContent } from '../../lib/replies.js';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../../plugins/authentication.js';
import { UserSchema } from '../users/users.schemas.js';
import type { AuthService, RequestOrigin, SignedIn } from './auth.service.js';
import {
  ChangePasswordBody,
  LoginBody,
  LoginResultSchema,
  MeSchema,
  PinLoginBody,
  PinUsersSchema,
  RecoveryCodesSchema,
  SessionStateSchema,
  SetupBody,
  SetupStatusSchema,
  TotpConfirmBody,
  TotpDisableBody,
  TotpEnrollmentSchema,
  UserIdParams,
} from './auth.schemas.js';
import { tagRoutes } from '../../lib/route-tags.js';

export interface AuthRoutesOptions {
  service: AuthService;
  sessionMaxAgeSeconds: number;
  loginRateLimitPerMinute: number;
}

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  tagRoutes(app, tags);
  const { service } = options;
  // Per-address limit on sign-in endpoints, on top of the per-account lockout.
  const rateLimit = { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' };

  /**
   * A sign-in (password or PIN): open to all and rate limited; on success the session cookie is
   * set and the answer names the user and when the session ends (the token is only in the cookie).
   */
  function signInRoute<B extends TObject>(
    url: string,
    summary: string,
    body: B,
    signIn: (input: Static<B>, origin: RequestOrigin) => Promise<SignedIn>,
  ): void {
    app.post(
      url,
      {
        config: { rateLimit },
        schema: { summary, security: [], body, response: withProblems({ 200: LoginResultSchema }) },
      },
      async (request, reply) => {
        const signedIn = await signIn(request.body as Static<B>, request.origin);
        setSessionCookie(request, reply, signedIn.token, options.sessionMaxAgeSeconds);
        return { user: signedIn.user, expiresAt: signedIn.expiresAt };
      },
    );
  }

  app.get(
    '/api/setup',
    {
      schema: {
        summary: 'Whether first-run setup is still needed',
        response: withProblems({ 200: SetupStatusSchema }),
      },
    },
    async () => ({ needed: await service.setupNeeded() }),
  );

  app.post(
    '/api/setup',
    {
      config: { rateLimit },
      schema: {
        summary: 'Create the owner account (only while no user exists)',
        body: SetupBody,
        response: withProblems({ 201: UserSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.setup(request.body, request.origin)),
  );

  signInRoute(
    '/api/auth/login',
    'Sign in with email and password (and the two-step code when turned on)',
    LoginBody,
    (input, origin) => service.loginWithPassword(input, origin),
  );

  app.get(
    '/api/auth/pin-users',
    {
      schema: {
        summary: 'Technicians who can sign in by PIN (shop network only)',
        security: [],
        response: withProblems({ 200: PinUsersSchema }),
      },
    },
    async (request) => ({ items: await service.pinUsers(request.origin) }),
  );

  signInRoute(
    '/api/auth/pin',
    'Technician sign-in by PIN (shop network only)',
    PinLoginBody,
    (input, origin) => service.loginWithPin(input, origin),
  );

  app.post(
    '/api/auth/logout',
    { schema: { summary: 'Sign out (ends this session)', response: withProblems({ 204: NoContent }) } },
    async (request, reply) => {
      await service.logout(requireAuth(request), request.origin);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { summary: 'The signed-in staff member', response: withProblems({ 200: MeSchema }) } },
    async (request) => {
      const auth = requireAuth(request);
      return {
        user: await service.me(auth),
        session: { method: auth.method, mfaVerified: auth.mfaVerified, lan: request.origin.lan },
      };
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        summary: 'Whether this device is signed in (and as whom), or whether first-run setup is needed',
        security: [],
        response: withProblems({ 200: SessionStateSchema }),
      },
    },
    async (request) => {
      const auth = request.auth;
      if (auth === null)
        return { signedIn: false, setupNeeded: await service.setupNeeded(), me: null, shop: null };
      return {
        signedIn: true,
        setupNeeded: false,
        me: {
          user: await service.me(auth),
          session: { method: auth.method, mfaVerified: auth.mfaVerified, lan: request.origin.lan },
        },
        shop: await service.shopBasics(),
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        summary: 'Change your own password (your other sessions end)',
        body: ChangePasswordBody,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, service.changeOwnPassword(requireAuth(request), request.body, request.origin)),
  );

  app.post(
    '/api/auth/totp/enroll',
    {
      schema: {
        summary: 'Start two-step verification: returns the secret and a QR code to scan',
        response: withProblems({ 200: TotpEnrollmentSchema }),
      },
    },
    async (request) => service.startTotpEnrollment(requireAuth(request)),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        summary: 'Finish two-step enrollment with a code from the app; returns one-time recovery codes',
        body: TotpConfirmBody,
        response: withProblems({ 200: RecoveryCodesSchema }),
      },
    },
    async (request) => ({
      recoveryCodes: await service.confirmTotp(requireAuth(request), request.body.code, request.origin),
    }),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        summary: 'Turn off your two-step verification (needs your password)',
        body: TotpDisableBody,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, service.disableTotp(requireAuth(request), request.body.password, request.origin)),
  );

  app.delete(
    '/api/users/:id/totp',
    {
      schema: {
        tags: ['users'],
        summary: "Owner: turn off a user's two-step verification (lost phone); their sessions end",
        params: UserIdParams,
        response: withProblems({ 200: UserSchema }),
      },
    },
    async (request) => service.resetTotpFor(requireAuth(request), request.params.id, request.origin),
  );
};
