import { defineWebModule } from '../../module.ts';

// Early warning's pages come with the situation room; until then its module words the
// notifications the server sends (their titles in en/ru.json) and lists its webhook events.
const untold = { subject: () => null, detail: () => null };

/** Early warning: indicator values, region levels and alerts. */
export const alertsWeb = defineWebModule({
  name: 'alerts',
  webhookEvents: ['alert.level_raised', 'alert.opened'],
  notifications: {
    level_raised: untold,
    alert_raised: untold,
    alert_acknowledged: untold,
    alert_escalated: untold,
    alert_closed: untold,
  },
});
