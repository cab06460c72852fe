import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../core/errors.ts';
import { clientAddress, db, deps, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, NoContent, standardErrors } from '../../http/openapi.ts';
import { MeSchema, presentMe, UpdateMeInput, updateMe } from '../users/index.ts';
import { changePassword, createToken, listTokens, revokeToken, signIn, signOut } from './commands.ts';
import { presentToken } from './present.ts';
import {
  ChangePasswordInput,
  CreatedToken,
  CreateTokenInput,
  SessionOutput,
  SIGN_IN_LIMITS,
  SignInInput,
  TokenSchema,
} from './schema.ts';

export const SESSION_COOKIE = 'accord_session';
const tags = ['Sign-in and sessions'];

const signInRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-in',
  tags,
  summary: 'Sign in with a username and password; sets the session cookie',
  description:
    'Failed sign-ins are counted by client address and account, never written to the record. ' +
    `${SIGN_IN_LIMITS.perAddress} failures from one address within ${SIGN_IN_LIMITS.windowMinutes} minutes ` +
    'answer 429 (with Retry-After) until the oldest leaves the window; an account with ' +
    `${SIGN_IN_LIMITS.accountDelayFrom} or more failures makes addresses that have failed wait 2^(n-2) s ` +
    `(at most ${SIGN_IN_LIMITS.accountDelayCapSeconds} s) after its last failure. No account is locked.`,
  request: { body: jsonBody(SignInInput) },
  responses: {
    200: jsonResponse(SessionOutput, 'Signed in'),
    400: standardErrors[400],
    401: standardErrors[401],
    429: {
      ...standardErrors[401],
      description: 'Too many failed sign-ins: the message says why, Retry-After when to try again',
    },
  },
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags,
  summary: 'The current session: who is signed in and the token to send in X-CSRF-Token',
  responses: { 200: jsonResponse(SessionOutput, 'Signed in'), 401: standardErrors[401] },
});

const signOutRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-out',
  tags,
  summary: 'End the current session',
  responses: { 204: NoContent, 401: standardErrors[401] },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags,
  summary:
    'Change your own password (ends your other sessions; with revokeTokens, the default, revokes your API tokens)',
  request: { body: jsonBody(ChangePasswordInput) },
  responses: { 204: NoContent, ...standardErrors },
});

const updateMeRoute = createRoute({
  method: 'patch',
  path: '/api/me',
  tags,
  summary: 'Change your own language or e-mail address (400 naming `email` when another account has it)',
  request: { body: jsonBody(UpdateMeInput) },
  responses: { 200: jsonResponse(z.object({ user: MeSchema }), 'Updated'), ...standardErrors },
});

const listTokensRoute = createRoute({
  method: 'get',
  path: '/api/me/tokens',
  tags: ['API tokens'],
  summary: 'Your API tokens',
  responses: {
    200: jsonResponse(z.object({ items: z.array(TokenSchema) }), 'Your tokens'),
    401: standardErrors[401],
  },
});

const createTokenRoute = createRoute({
  method: 'post',
  path: '/api/me/tokens',
  tags: ['API tokens'],
  summary: 'Create an API token for scripts and the CLI; the token is shown once',
  request: { body: jsonBody(CreateTokenInput) },
  responses: { 201: jsonResponse(CreatedToken, 'Created'), ...standardErrors },
});

const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/api/me/tokens/{id}',
  tags: ['API tokens'],
  summary: 'Revoke one of your API tokens',
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: { 204: NoContent, ...standardErrors },
});

export function registerAuthRoutes(app: App) {
  app.openapi(signInRoute, async (c) => {
    const input = c.req.valid('json');
    const { config } = deps(c);
    const address = clientAddress(c);
    const result = await inTransaction(c, (trx) =>
      signIn(trx, input, { sessionHours: config.sessionHours, address }),
    );
    if (!result.ok) throw result.error;
    setCookie(c, SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
      path: '/',
      expires: result.expiresAt,
    });
    return c.json({ user: presentMe(result.user), csrfToken: result.csrfToken }, 200);
  });

  app.openapi(sessionRoute, async (c) => {
    const auth = c.get('auth');
    if (auth?.kind !== 'session') throw new AppError('unauthenticated', 'not signed in');
    const row = await db(c)
      .selectFrom('users')
      .selectAll()
      .where('id', '=', auth.person.id)
      .executeTakeFirstOrThrow();
    return c.json({ user: presentMe(row), csrfToken: auth.csrfToken }, 200);
  });

  app.openapi(signOutRoute, async (c) => {
    const auth = c.get('auth');
    if (auth?.kind !== 'session') throw new AppError('unauthenticated', 'not signed in');
    await inTransaction(c, (trx) => signOut(trx, auth.person, auth.sessionId));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(passwordRoute, async (c) => {
    const person = requirePerson(c);
    const auth = c.get('auth');
    const input = c.req.valid('json');
    await inTransaction(c, (trx) =>
      changePassword(trx, person, input, auth?.kind === 'session' ? auth.sessionId : undefined),
    );
    return c.body(null, 204);
  });

  app.openapi(updateMeRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => updateMe(trx, person, input));
    return c.json({ user: presentMe(row) }, 200);
  });

  app.openapi(listTokensRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listTokens(db(c), person);
    return c.json({ items: rows.map(presentToken) }, 200);
  });

  app.openapi(createTokenRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const { token, row } = await inTransaction(c, (trx) => createToken(trx, person, input));
    return c.json({ token, item: presentToken(row) }, 201);
  });

  app.openapi(revokeTokenRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    await inTransaction(c, (trx) => revokeToken(trx, person, id));
    return c.body(null, 204);
  });
}

const isHttps = (url: string, forwardedProto?: string) =>
  url.startsWith('https:') || (process.env.ACCORD_TRUST_PROXY === '1' && forwardedProto === 'https');
