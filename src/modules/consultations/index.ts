import { defineModule, type PolicyRules } from '../../core/module.ts';
import { consultationsAttention } from './attention.ts';
import { registerConsultationCommands } from './cli.ts';
import { loadDemoConsultations } from './demo.ts';
import { consultationEmailWords } from './email-words.ts';
import { consultationRules } from './policy.ts';
import { consultationsLedgerActions } from './record.ts';
import { consultationNotificationSubjects, consultationSubjects } from './record-subjects.ts';
import { registerConsultationRoutes } from './routes.ts';

/**
 * Confidential consultations: the presidency or the secretariat convenes two or more member
 * states with a facilitator; agenda, messages, documents and agreed points are read by the
 * participants alone, and recorded sealed to them. A concluded outcome becomes a proposal of
 * the decisions module in one action.
 */
export const consultationsModule = defineModule({
  name: 'consultations',
  ledgerActions: consultationsLedgerActions,
  notificationKinds: {
    consultation_message: {
      description: 'A new message in a consultation (its other participants)',
      email: consultationEmailWords.consultation_message,
    },
    consultation_point: {
      description: "A point awaits the states' agreement (those who agree for each participating state)",
      email: consultationEmailWords.consultation_point,
    },
    consultation_concluded: {
      description: 'A consultation was concluded (its participants)',
      email: consultationEmailWords.consultation_concluded,
    },
  },
  subjects: consultationSubjects,
  notificationSubjects: consultationNotificationSubjects,
  attention: consultationsAttention,
  routes: registerConsultationRoutes,
  policy: consultationRules as PolicyRules,
  cli: registerConsultationCommands,
  demo: {
    order: 30,
    load: async (handle) =>
      (await loadDemoConsultations(handle.db))
        ? 'demo consultation loaded: Kyrgyzstan and Tajikistan on their border, facilitated by the secretariat'
        : null,
  },
});

export type { ConsultationNotificationDetails } from './notify.ts';
export { consultationsVisibleTo } from './policy.ts';
