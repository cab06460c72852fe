import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../../core/actor.ts';
import type { StandingPermissionRow } from '../../../db/schema.ts';
import { db, inTransaction, requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../../http/openapi.ts';
import { can } from '../../../policy/index.ts';
import { forbidden, notNow, route } from '../http.ts';
import { trimState } from '../load.ts';
import { ASSET_KINDS, FRAMEWORKS, GrantStandingPermissionInput, IdParam } from '../schema.ts';
import {
  canRevokePermission,
  grantStandingPermission,
  listStandingPermissions,
  revokeStandingPermission,
} from './commands.ts';

/** Standing permissions: granted by a state to a delegation, listed, revoked. */

export const StandingPermissionSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    grantingState: z.string(),
    grantee: z.string(),
    pattern: z.object({
      frameworks: z.array(z.enum(FRAMEWORKS)),
      crossingPoints: z.array(z.string()).optional(),
      assetKinds: z.array(z.enum(ASSET_KINDS)),
      maxPersonnel: z.number().optional(),
    }),
    validFrom: z.string(),
    validTo: z.string(),
    note: z.string().nullable(),
    grantedBy: z.string(),
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .openapi('StandingPermission');
const presentPermission = (actor: Actor, r: StandingPermissionRow) => ({
  id: r.id,
  number: r.number,
  grantingState: trimState(r.granting_state),
  grantee: trimState(r.grantee_state),
  pattern: r.pattern as z.infer<typeof StandingPermissionSchema>['pattern'],
  validFrom: r.valid_from.toISOString(),
  validTo: r.valid_to.toISOString(),
  note: r.note,
  grantedBy: r.granted_by_label,
  grantedAt: r.granted_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
  abilities: { revoke: !r.revoked_at && canRevokePermission(actor, r) },
});
const listPermissionsRoute = createRoute({
  ...route('get', '/api/standing-permissions', 'Standing permissions granted by or to the caller’s state'),
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(StandingPermissionSchema), abilities: z.object({ grant: z.boolean() }) }),
      'Standing permissions',
    ),
    401: standardErrors[401],
  },
});
const grantRoute = createRoute({
  ...route(
    'post',
    '/api/standing-permissions',
    'Grant a standing permission in the name of the caller’s state',
  ),
  request: { body: jsonBody(GrantStandingPermissionInput) },
  responses: {
    201: jsonResponse(z.object({ permission: StandingPermissionSchema }), 'Granted'),
    ...standardErrors,
    ...forbidden,
  },
});
const revokeRoute = createRoute({
  ...route('delete', '/api/standing-permissions/{id}', 'Revoke a standing permission'),
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ permission: StandingPermissionSchema }), 'Revoked'),
    ...standardErrors,
    ...forbidden,
    ...notNow,
  },
});

export function registerPermissionRoutes(app: App) {
  app.openapi(listPermissionsRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listStandingPermissions(db(c), person);
    const own = person.affiliation === 'delegation' ? person.stateCode : null;
    return c.json(
      {
        items: rows.map((r) => presentPermission(person, r)),
        abilities: { grant: !!own && can(person, 'grant', 'standingPermissions', { grantingState: own }) },
      },
      200,
    );
  });
  app.openapi(grantRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => grantStandingPermission(trx, person, null, input));
    return c.json({ permission: presentPermission(person, row) }, 201);
  });
  app.openapi(revokeRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const row = await inTransaction(c, (trx) => revokeStandingPermission(trx, person, id));
    return c.json({ permission: presentPermission(person, row) }, 200);
  });
}
