import { defineWebModule } from '../../module.ts';

// The consultations' pages are not built yet: only the wording of the notifications their
// server module sends (src/modules/consultations), so that each kind reads in both languages.
// The notification carries no consultation fields yet (the notifications presenter knows
// proposals and clearance requests), so the subject line is left to the kind's title.
export const consultationsWeb = defineWebModule({
  name: 'consultations',
  notifications: {
    consultation_message: {
      subject: () => null,
      detail: (item, { t }) =>
        item.state ? t('notifications.detail.consultationMessage', { state: item.state }) : null,
    },
    consultation_point: { subject: () => null, detail: () => null },
    consultation_concluded: { subject: () => null, detail: () => null },
  },
});
