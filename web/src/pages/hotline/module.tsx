import { defineWebModule } from '../../module.ts';

// The hotline has no pages yet (issue 10: the server, API and CLI first): its module words the
// notifications the server sends (their titles in en/ru.json) and lists its webhook event.
const untold = { subject: () => null, detail: () => null };

/** Hotlines between two states' duty contacts: their notifications and webhook event. */
export const hotlineWeb = defineWebModule({
  name: 'hotline',
  webhookEvents: ['hotline.escalated'],
  notifications: {
    hotline_message: untold,
    hotline_acknowledged: untold,
    hotline_escalated: untold,
  },
});
