import { IconWebhook } from '@tabler/icons-react';
import { defineWebModule, lazyPage } from '../../module.ts';
import type { Me } from '../../types.ts';

const WebhooksPage = lazyPage(() => import('./WebhooksPage.tsx'), 'WebhooksPage');

/**
 * Who manages webhooks (the `webhooks` rule in src/policy/index.ts): an admin, or a head for
 * their state. A copy of the rule, for the session does not say it: see web/src/module.ts.
 */
export function managesWebhooks(me: Pick<Me, 'role' | 'stateCode'>): boolean {
  return me.role === 'secretariat_admin' || (me.role === 'head_of_delegation' && me.stateCode !== null);
}

/** A delegation's national systems: webhooks told of clearance events, and their deliveries. */
export const webhooksWeb = defineWebModule({
  name: 'webhooks',
  routes: [{ path: '/webhooks', element: <WebhooksPage /> }],
  nav: {
    section: 'nav.governance',
    entries: [{ path: '/webhooks', label: 'webhooks.nav', icon: IconWebhook, useVisible: managesWebhooks }],
  },
});
