import { Alert, Anchor, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlerts } from '../alerts/api.ts';
import { useConsultationList } from './api.ts';
import { alertIdsByReference } from './helpers.ts';

/**
 * A consultation's alert, by its reference: a link to the alert's page when the reader may
 * read it (found among the region's alerts), its reference alone otherwise.
 */
export function AlertLink({ reference, region }: { reference: string; region: string | null }) {
  const alerts = useAlerts({ status: null, region, level: null }, 200);
  const id = alertIdsByReference(alerts.data?.items ?? []).get(reference);
  if (!id)
    return (
      <Text size="sm" span>
        {reference}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/alerts/${id}`} size="sm" data-testid="consultation-alert">
      {reference}
    </Anchor>
  );
}

/**
 * On a proposal's page, the consultation it came from, for the consultation's participants
 * (nobody else finds it in their list, so nobody else sees the link).
 */
export function ProposalConsultation({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const list = useConsultationList();
  const origin = list.data?.items.find((c) => c.proposalId === proposalId);
  if (!origin) return null;
  return (
    <Alert
      variant="light"
      color="indigo"
      icon={<IconUsersGroup aria-hidden />}
      p="xs"
      data-testid="proposal-consultation"
    >
      <Text size="sm">
        {t('consultations.origin.from')}{' '}
        <Anchor component={Link} to={`/consultations/${origin.id}`} size="sm" fw={600}>
          {origin.reference} · {origin.title}
        </Anchor>
      </Text>
    </Alert>
  );
}
