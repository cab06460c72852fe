import { Accordion, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileCertificate, IconGavel, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useProposal } from '../../queries.ts';
import type { Proposal } from '../../types.ts';
import { ProposalConsultation } from '../consultations/links.tsx';
import { ProposalAttachments } from './Attachments.tsx';
import { ResultBadge, StatusBadge } from './badges.tsx';
import { useBodyName, useDecisionLabel, usePriorities, useStateName } from './labels.ts';
import { MarkdownText } from './Markdown.tsx';
import { ProcedurePanel } from './ProcedurePanel.tsx';
import { VersionHistory } from './VersionHistory.tsx';

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" className="no-print" style={{ alignSelf: 'flex-start' }}>
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}

/** "Delegation of Belarus" or "Secretariat": who wrote the proposal. */
export function useAuthorLabel() {
  const { t } = useTranslation();
  const stateName = useStateName();
  return (author: Proposal['author']) =>
    author.kind === 'delegation' && author.state
      ? t('decisions.author.delegation', { state: stateName(author.state) })
      : t('decisions.author.secretariat');
}

function EarlierProcedures({ proposal, shown }: { proposal: Proposal; shown: string | null }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const earlier = proposal.procedures.filter((p) => p.id !== shown);
  if (earlier.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('decisions.proposal.earlier')}
      </Title>
      <Accordion variant="contained" radius="md" value={open} onChange={setOpen}>
        {earlier.map((p) => (
          <Accordion.Item key={p.id} value={p.id}>
            <Accordion.Control>
              <Group gap="sm">
                <Text size="sm" fw={500}>
                  {t(`decisions.kind.${p.kind}`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('decisions.versions.n', { n: p.version })} · {dateTime(p.openedAt)}
                </Text>
                {p.result ? <ResultBadge result={p.result} /> : null}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>{open === p.id ? <ProcedurePanel id={p.id} /> : null}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

function ProposalContent({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const bodyName = useBodyName();
  const authorLabel = useAuthorLabel();
  const priorities = usePriorities();
  const decisionLabel = useDecisionLabel();
  // The procedure to show in full: the open one, else the latest.
  const latest = [...proposal.procedures].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
  const shown = proposal.openProcedure?.id ?? latest?.id ?? null;
  const { abilities } = proposal;

  return (
    <Stack gap="lg">
      <BackLink to="/proposals" label={t('decisions.proposal.back')} />
      <PageHeader
        title={<span data-testid="proposal-title">{proposal.title}</span>}
        description={[
          bodyName(proposal.body),
          authorLabel(proposal.author),
          t('decisions.proposal.classification', { level: t(`levels.${proposal.classification}`) }),
        ].join(' · ')}
        actions={
          <>
            {abilities.edit ? (
              <Button
                variant="default"
                component={Link}
                to={`/proposals/${proposal.id}/edit`}
                leftSection={<IconPencil size={16} aria-hidden />}
                data-testid="edit-proposal"
              >
                {t('decisions.actions.edit')}
              </Button>
            ) : null}
            {abilities.openProcedure ? (
              <Button
                component={Link}
                to={`/proposals/${proposal.id}/open`}
                leftSection={<IconGavel size={16} aria-hidden />}
                data-testid="open-procedure"
              >
                {t('decisions.actions.openProcedure')}
              </Button>
            ) : null}
            {proposal.decision ? (
              <Button
                variant="light"
                component={Link}
                to={`/decisions/${proposal.decision.id}`}
                leftSection={<IconFileCertificate size={16} aria-hidden />}
                data-testid="proposal-decision"
              >
                {t('decisions.proposal.decision', { label: decisionLabel(proposal.decision) })}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="sm" mt={-16}>
        <StatusBadge status={proposal.status} />
        {proposal.priority ? (
          <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500} c="dark.6" maw="100%">
            {priorities.title(proposal.priority)}
          </Badge>
        ) : null}
      </Group>

      <ProposalConsultation proposalId={proposal.id} />

      {shown ? <ProcedurePanel id={shown} /> : null}

      <Card data-testid="proposal-text">
        <Stack gap="md">
          <Group justify="space-between" gap="sm">
            <Title order={2} fz="lg">
              {t('decisions.proposal.text')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('decisions.versions.n', { n: proposal.latestVersion })}
            </Text>
          </Group>
          <MarkdownText source={proposal.text} />
          <Title order={3} fz="md">
            {t('decisions.proposal.points', { count: proposal.points.length })}
          </Title>
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="points">
            {proposal.points.map((p) => (
              <Group component="li" key={p.key} gap="sm" align="flex-start" wrap="nowrap">
                <Badge variant="light" radius="sm" w={32} style={{ flexShrink: 0 }}>
                  {p.key}
                </Badge>
                <Text size="sm" lh={1.6} style={{ whiteSpace: 'pre-line' }}>
                  {p.text}
                </Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      </Card>

      <ProposalAttachments proposal={proposal} />

      <Card>
        <VersionHistory proposal={proposal} />
      </Card>

      <EarlierProcedures proposal={proposal} shown={shown} />
    </Stack>
  );
}

export function ProposalPage() {
  const { id } = useParams();
  const query = useProposal(id);
  return <QueryState query={query}>{({ proposal }) => <ProposalContent proposal={proposal} />}</QueryState>;
}
