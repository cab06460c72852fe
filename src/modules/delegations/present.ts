import type { z } from '@hono/zod-openapi';
import type { AuthorisationSchema } from './schema.ts';

export function presentAuthorisation(r: {
  id: string;
  username: string;
  display_name: string;
  granted_by_label: string;
  granted_at: Date;
}): z.infer<typeof AuthorisationSchema> {
  return {
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    grantedBy: r.granted_by_label,
    grantedAt: r.granted_at.toISOString(),
  };
}
