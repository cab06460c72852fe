import { Alert, Anchor, Button, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconFileText, IconFlag, IconLock, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { AttachmentsCard } from '../../components/AttachmentsCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useScale } from '../alerts/labels.tsx';
import { useStateList, useStateName } from '../decisions/labels.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AgendaCard } from './AgendaCard.tsx';
import { CONSULTATION_KEYS, type Consultation, useConsultation } from './api.ts';
import { CloseModal, ConcludeModal, ProposalModal } from './EndModals.tsx';
import { agreedPoints } from './helpers.ts';
import { AlertLink } from './links.tsx';
import { MessagesCard } from './MessagesCard.tsx';
import { PointsCard } from './PointsCard.tsx';
import { ConsultationStatusBadge, Fact } from './parts.tsx';

type Step = 'conclude' | 'close' | 'proposal';

/** Who the person is in the consultation's eyes: a name, and their state when they speak for one. */
function usePersonLabel() {
  const stateName = useStateName();
  return (p: Consultation['facilitator']) => (p.state ? `${p.name} (${stateName(p.state)})` : p.name);
}

/** The facts: purpose, who takes part, classification, the alert it answers, when. */
function FactsCard({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateList = useStateList();
  const person = usePersonLabel();
  const scale = useScale();
  return (
    <Card data-testid="consultation-facts">
      <Stack gap="sm">
        {c.purpose ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="consultation-purpose">
            {c.purpose}
          </Text>
        ) : null}
        <Fact label={t('consultations.fields.states')}>
          <span data-testid="consultation-states">{stateList(c.states)}</span>
        </Fact>
        <Fact label={t('consultations.fields.facilitator')}>{person(c.facilitator)}</Fact>
        <Fact label={t('consultations.fields.convenedBy')}>{person(c.convenedBy)}</Fact>
        {c.staff.length > 0 ? (
          <Fact label={t('consultations.fields.staff')}>{c.staff.map((s) => s.name).join(', ')}</Fact>
        ) : null}
        <Fact label={t('consultations.fields.classification')}>{t(`levels.${c.classification}`)}</Fact>
        {c.alert ? (
          <Fact label={t('consultations.fields.alert')}>
            <AlertLink reference={c.alert} region={c.region} />
          </Fact>
        ) : null}
        {c.region ? <Fact label={t('consultations.fields.region')}>{scale.region(c.region)}</Fact> : null}
        <Fact label={t('consultations.fields.convenedAt')}>{dateTime(c.createdAt)}</Fact>
        <Fact label={t('consultations.fields.activity')}>{dateTime(c.updatedAt)}</Fact>
      </Stack>
    </Card>
  );
}

/** The end of the talks: the outcome and its points (and the proposal made of it), or why they closed. */
function EndCard({ consultation: c, onPropose }: { consultation: Consultation; onPropose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  if (c.status === 'open') return null;
  if (c.status === 'closed')
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconX aria-hidden />}
        title={t('consultations.end.closed', { at: dateTime(c.concludedAt) })}
        data-testid="consultation-closed"
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.closeReason}
        </Text>
      </Alert>
    );
  const points = agreedPoints(c.points);
  return (
    <Card data-testid="consultation-outcome" style={{ borderColor: 'var(--mantine-color-teal-4)' }}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg">
            {t('consultations.end.outcome')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('consultations.end.concludedAt', { at: dateTime(c.concludedAt) })}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.outcome}
        </Text>
        <Text size="sm" fw={600}>
          {t('consultations.end.points', { count: points.length })}
        </Text>
        {points.length > 0 ? (
          <List size="sm" type="ordered">
            {points.map((p) => (
              <List.Item key={p.id}>{p.text}</List.Item>
            ))}
          </List>
        ) : null}
        {c.proposalId ? (
          <Group gap="xs">
            <IconFileText size={16} aria-hidden />
            <Anchor
              component={Link}
              to={`/proposals/${c.proposalId}`}
              size="sm"
              fw={600}
              data-testid="outcome-proposal"
            >
              {t('consultations.end.proposalMade')}
            </Anchor>
          </Group>
        ) : c.abilities.makeProposal ? (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('consultations.end.mayPropose')}
            </Text>
            <Button size="compact-sm" variant="light" onClick={onPropose} disabled={points.length === 0}>
              {t('consultations.actions.proposal')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function ConsultationSpace({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const stateList = useStateList();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const agreed = agreedPoints(c.points).length;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: CONSULTATION_KEYS.one(c.id) });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/consultations" size="sm" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {t('consultations.page.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span data-testid="consultation-reference">{c.reference}</span>
            <ConsultationStatusBadge status={c.status} size="lg" />
          </Group>
        }
        description={<span data-testid="consultation-title">{c.title}</span>}
        actions={
          <>
            {c.abilities.conclude ? (
              <Button
                color="teal"
                leftSection={<IconCircleCheck size={16} aria-hidden />}
                onClick={() => setStep('conclude')}
                data-testid="consultation-conclude"
              >
                {t('consultations.actions.conclude')}
              </Button>
            ) : null}
            {c.abilities.close ? (
              <Button
                variant="default"
                leftSection={<IconFlag size={16} aria-hidden />}
                onClick={() => setStep('close')}
                data-testid="consultation-close"
              >
                {t('consultations.actions.close')}
              </Button>
            ) : null}
            {c.abilities.makeProposal ? (
              <Button
                leftSection={<IconFileText size={16} aria-hidden />}
                onClick={() => setStep('proposal')}
                disabled={agreed === 0}
                title={agreed === 0 ? t('consultations.proposal.nothing') : undefined}
                data-testid="consultation-make-proposal"
              >
                {t('consultations.actions.proposal')}
              </Button>
            ) : null}
            {c.proposalId ? (
              <Button
                variant="light"
                component={Link}
                to={`/proposals/${c.proposalId}`}
                leftSection={<IconFileText size={16} aria-hidden />}
                data-testid="consultation-proposal"
              >
                {t('consultations.actions.openProposal')}
              </Button>
            ) : null}
          </>
        }
      />
      <Alert
        color="indigo"
        variant="light"
        icon={<IconLock aria-hidden />}
        title={t('consultations.page.confidentialTitle')}
        data-testid="confidentiality-notice"
        mt={-8}
      >
        <Text size="sm">
          {t('consultations.page.confidential', {
            states: stateList(c.states),
            level: t(`levels.${c.classification}`),
          })}
        </Text>
      </Alert>
      <EndCard consultation={c} onPropose={() => setStep('proposal')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <FactsCard consultation={c} />
            <AgendaCard consultation={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PointsCard consultation={c} />
        </Grid.Col>
      </Grid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <MessagesCard consultation={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <AttachmentsCard
            owner={{ consultation: c.id }}
            attachments={c.attachments}
            canChange={c.abilities.attach}
            onChanged={refresh}
            title={t('consultations.documents.title')}
            removeConfirm={(name) => t('consultations.documents.removeConfirm', { name })}
          />
          {c.attachments.length === 0 && !c.abilities.attach ? (
            <Card>
              <Title order={2} fz="lg" mb="xs">
                {t('consultations.documents.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('consultations.documents.none')}
              </Text>
            </Card>
          ) : null}
        </Grid.Col>
      </Grid>
      {step === 'conclude' ? <ConcludeModal consultation={c} onClose={() => setStep(null)} /> : null}
      {step === 'close' ? <CloseModal consultation={c} onClose={() => setStep(null)} /> : null}
      {step === 'proposal' ? <ProposalModal consultation={c} onClose={() => setStep(null)} /> : null}
    </Stack>
  );
}

/**
 * A consultation's space, for its participants alone: anyone else (another member state, the
 * rest of the secretariat) gets the not-found page, as the API answers them 404 without
 * saying whether it exists.
 */
export function ConsultationPage() {
  const { id = '' } = useParams();
  const query = useConsultation(id);
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFoundPage />;
  return (
    <QueryState query={query}>
      {({ consultation }) => <ConsultationSpace consultation={consultation} />}
    </QueryState>
  );
}
