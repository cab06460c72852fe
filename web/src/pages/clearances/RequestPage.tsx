import { Alert, Badge, Button, Card, Grid, Group, List, Stack, Text } from '@mantine/core';
import { IconCheck, IconFileCertificate, IconInfoCircle, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { CodeBadge } from '../../components/CodeBadge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ExportMenu } from '../certificates/ExportMenu.tsx';
import { BackLink } from '../decisions/ProposalPage.tsx';
import { type ClearanceRequest, type Leg, useCrossingPoints, useRequest, useRequestMutation } from './api.ts';
import { useMapData } from './BoardPage.tsx';
import { DecideModal, TextActionModal } from './LegActions.tsx';
import { LegItinerary } from './LegItinerary.tsx';
import {
  LegChip,
  PausedLeft,
  RequestStatusBadge,
  TimeLeft,
  usePointName,
  useStateName,
  useStateZone,
  useUtcAndLocal,
} from './labels.tsx';
import { MapPanel } from './MapPanel.tsx';
import { Envelope, History, RequestAttachments } from './RequestDetails.tsx';

type Dialog =
  | { kind: 'decide'; leg: Leg }
  | { kind: 'escalation'; leg: Leg }
  | { kind: 'ask'; leg: Leg }
  | { kind: 'answer'; leg: Leg }
  | { kind: 'withdraw' }
  | null;

/** The open question of a leg waiting for information: the last one asked. */
export function openQuestion(request: ClearanceRequest, leg: Leg): string | null {
  if (leg.status !== 'info_requested') return null;
  const asked = request.events.filter((e) => e.state === leg.state && e.kind === 'info_requested');
  const question = asked[asked.length - 1]?.details.question;
  return typeof question === 'string' ? question : null;
}

function Conditions({ leg }: { leg: Leg }) {
  const { t } = useTranslation();
  if (!leg.conditions?.length) return null;
  return (
    <List size="xs" spacing={2} data-testid="leg-conditions">
      {leg.conditions.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id and never move
        <List.Item key={i}>
          <Text span size="xs" fw={600}>
            {t(`clearances.conditionKind.${c.kind}`)}:
          </Text>{' '}
          {c.text}
        </List.Item>
      ))}
    </List>
  );
}

/** When the state's window closes, in UTC and in its own time; or, paused, the time it had left. */
function Window({ leg }: { leg: Leg }) {
  const { t } = useTranslation();
  const both = useUtcAndLocal();
  const zoneOf = useStateZone();
  if (leg.status === 'info_requested')
    return (
      <Stack gap={0}>
        {leg.remainingSeconds !== null ? <PausedLeft seconds={leg.remainingSeconds} /> : null}
        <Text size="xs">{t('clearances.leg.paused')}</Text>
      </Stack>
    );
  if (!leg.dueAt || !(leg.status === 'pending' || leg.status === 'escalated'))
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  const { utc, local } = both(leg.dueAt, zoneOf(leg.state));
  return (
    <Stack gap={0}>
      <TimeLeft dueAt={leg.dueAt} />
      <Text size="xs">{utc}</Text>
      {local ? (
        <Text size="xs" c="dimmed">
          {local}
        </Text>
      ) : null}
      {leg.onSilence ? (
        <Text size="xs" c="dimmed">
          {t(`clearances.silence.${leg.onSilence}`)}
        </Text>
      ) : null}
    </Stack>
  );
}

function LegActionsCell({ leg, open }: { leg: Leg; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const a = leg.abilities;
  return (
    <Stack gap={6} align="flex-start">
      {a.decide ? (
        <Button
          size="compact-sm"
          onClick={() => open({ kind: 'decide', leg })}
          data-testid={`decide-${leg.state}`}
        >
          {t('clearances.actions.decide')}
        </Button>
      ) : null}
      {a.askInfo ? (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => open({ kind: 'ask', leg })}
          data-testid={`ask-${leg.state}`}
        >
          {t('clearances.actions.ask')}
        </Button>
      ) : null}
      {a.giveInfo ? (
        <Button
          size="compact-sm"
          onClick={() => open({ kind: 'answer', leg })}
          data-testid={`answer-${leg.state}`}
        >
          {t('clearances.actions.answer')}
        </Button>
      ) : null}
      {a.decideEscalated ? (
        <Button
          size="compact-sm"
          color="violet"
          onClick={() => open({ kind: 'escalation', leg })}
          data-testid={`escalation-${leg.state}`}
        >
          {t('clearances.actions.decideEscalation')}
        </Button>
      ) : null}
    </Stack>
  );
}

function Legs({ request, open }: { request: ClearanceRequest; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const points = useCrossingPoints();
  const pointName = usePointName(points.data?.items);
  const { dateTime } = useFormat();
  const planned = (leg: Leg) => request.content.legs.find((l) => l.state === leg.state);
  return (
    <DataTable<Leg>
      testId="legs-table"
      caption={t('clearances.request.legs')}
      empty="—"
      rows={request.legs}
      rowKey={(l) => l.state}
      minWidth={1000}
      columns={[
        {
          key: 'state',
          header: t('clearances.request.state'),
          width: 190,
          cell: (l) => (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {stateName(l.state)}
              </Text>
              <Text size="xs" c="dimmed">
                {[
                  pointName(planned(l)?.entry.point),
                  planned(l)?.exit ? pointName(planned(l)?.exit?.point) : t('clearances.request.hosts'),
                ].join(' → ')}
              </Text>
            </Stack>
          ),
        },
        {
          key: 'itinerary',
          header: t('clearances.request.itinerary'),
          width: 260,
          cell: (l) => <LegItinerary leg={l} pointName={pointName} />,
        },
        {
          key: 'status',
          header: t('clearances.request.decision'),
          cell: (l) => (
            <Stack gap={4} align="flex-start" data-testid={`leg-row-${l.state}`} data-status={l.status}>
              <LegChip leg={l} withTime={false} />
              {l.clearanceNumber ? <CodeBadge code={l.clearanceNumber} /> : null}
              {l.decidedAt ? (
                <Text size="xs" c="dimmed">
                  {[
                    dateTime(l.decidedAt),
                    l.decidedBy,
                    l.decidedHow && l.decidedHow !== 'state' ? t(`clearances.how.${l.decidedHow}`) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              ) : null}
              {l.standingPermission ? (
                <Text size="xs">{t('clearances.leg.byPermission', { number: l.standingPermission })}</Text>
              ) : null}
              <Conditions leg={l} />
              {l.conditions?.length ? (
                <Text size="xs" c={l.conditionsAcceptedAt ? 'teal.8' : 'orange.8'}>
                  {l.conditionsAcceptedAt
                    ? t('clearances.leg.accepted', { at: dateTime(l.conditionsAcceptedAt) })
                    : t('clearances.leg.notAccepted')}
                </Text>
              ) : null}
              {l.reason ? <Text size="xs">{t('clearances.leg.reason', { reason: l.reason })}</Text> : null}
              {openQuestion(request, l) ? (
                <Text size="xs" c="orange.8">
                  {t('clearances.leg.question', { question: openQuestion(request, l) })}
                </Text>
              ) : null}
              {l.internalNote ? (
                <Text size="xs" c="dimmed" fs="italic">
                  {t('clearances.leg.note', { note: l.internalNote })}
                </Text>
              ) : null}
            </Stack>
          ),
        },
        {
          key: 'window',
          header: t('clearances.request.window'),
          width: 190,
          cell: (l) => <Window leg={l} />,
        },
        {
          key: 'actions',
          header: t('clearances.request.actions'),
          width: 200,
          cell: (l) => <LegActionsCell leg={l} open={open} />,
        },
      ]}
    />
  );
}

function RequestContent({ request }: { request: ClearanceRequest }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const map = useMapData(request);
  const accept = useRequestMutation(
    () =>
      ok(
        client.POST('/api/clearances/{id}/accept-conditions', {
          params: { path: { id: request.id } },
          body: {},
        }),
      ),
    () => t('clearances.actions.acceptedDone'),
  );
  const a = request.abilities;
  const shut = () => setDialog(null);

  return (
    <Stack gap="lg">
      <BackLink to="/clearances" label={t('clearances.request.back')} />
      <PageHeader
        title={<span data-testid="request-heading">{request.title}</span>}
        description={[
          request.reference,
          stateName(request.requestingState),
          t('clearances.request.versionN', { n: request.version }),
        ].join(' · ')}
        actions={
          <>
            {a.edit ? (
              <Button
                component={Link}
                to={`/clearances/${request.id}/edit`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('clearances.actions.editDraft')}
              </Button>
            ) : null}
            {a.amend ? (
              <Button
                component={Link}
                to={`/clearances/${request.id}/amend`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                data-testid="amend-request"
              >
                {t('clearances.actions.amend')}
              </Button>
            ) : null}
            {a.withdraw ? (
              <Button
                variant="default"
                color="red"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'withdraw' })}
                data-testid="withdraw-request"
              >
                {t('clearances.actions.withdraw')}
              </Button>
            ) : null}
            <ExportMenu id={request.id} />
            {request.status === 'cleared' && request.verificationCode ? (
              // The certificate, checked against the record; printable.
              <Button
                component={Link}
                to={`/clearances/${request.id}/certificate`}
                variant="light"
                leftSection={<IconFileCertificate size={16} aria-hidden />}
                data-testid="certificate-link"
              >
                {t('clearances.actions.certificate')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="sm" mt={-16}>
        <RequestStatusBadge status={request.status} />
        {request.kind === 'notification' ? (
          <Badge variant="outline" color="gray" radius="sm" tt="none">
            {t('clearances.request.notification')}
          </Badge>
        ) : null}
        {request.verificationCode ? <CodeBadge code={request.verificationCode} /> : null}
      </Group>

      {a.acceptConditions ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          title={t('clearances.request.conditionsTitle')}
          data-testid="accept-panel"
        >
          <Stack gap="xs">
            <Text size="sm">{t('clearances.request.conditionsBody')}</Text>
            {request.legs
              .filter((l) => l.conditions?.length && !l.conditionsAcceptedAt)
              .map((l) => (
                <Stack key={l.state} gap={2}>
                  <Text size="sm" fw={600}>
                    {stateName(l.state)}
                  </Text>
                  <Conditions leg={l} />
                </Stack>
              ))}
            <Group>
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                loading={accept.isPending}
                onClick={() => accept.mutate(undefined)}
                data-testid="accept-conditions"
              >
                {t('clearances.actions.accept')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      <Legs request={request} open={setDialog} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Envelope request={request} />
            <RequestAttachments request={request} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Card p="md">
              <MapPanel legs={map.legs} points={map.points} members={map.members} />
            </Card>
            <History request={request} />
          </Stack>
        </Grid.Col>
      </Grid>

      {dialog?.kind === 'decide' || dialog?.kind === 'escalation' ? (
        <DecideModal
          request={request}
          leg={dialog.leg}
          opened
          onClose={shut}
          escalation={dialog.kind === 'escalation'}
        />
      ) : null}
      {dialog?.kind === 'ask' ? (
        <TextActionModal
          opened
          onClose={shut}
          title={t('clearances.ask.title', { state: stateName(dialog.leg.state) })}
          hint={t('clearances.ask.hint')}
          label={t('clearances.ask.label')}
          submit={t('clearances.ask.submit')}
          request={request}
          action={{ field: 'question', leg: dialog.leg }}
          success={t('clearances.ask.done')}
          testId="ask-form"
        />
      ) : null}
      {dialog?.kind === 'answer' ? (
        <TextActionModal
          opened
          onClose={shut}
          title={t('clearances.answer.title', { state: stateName(dialog.leg.state) })}
          hint={openQuestion(request, dialog.leg) ?? undefined}
          label={t('clearances.answer.label')}
          submit={t('clearances.answer.submit')}
          request={request}
          action={{ field: 'answer', leg: dialog.leg }}
          success={t('clearances.answer.done')}
          testId="answer-form"
        />
      ) : null}
      {dialog?.kind === 'withdraw' ? (
        <TextActionModal
          opened
          onClose={shut}
          title={t('clearances.withdraw.title', { reference: request.reference })}
          hint={t('clearances.withdraw.hint')}
          label={t('clearances.withdraw.label')}
          submit={t('clearances.withdraw.submit')}
          request={request}
          action={{ field: 'reason' }}
          success={t('clearances.withdraw.done')}
          danger
          testId="withdraw-form"
        />
      ) : null}
    </Stack>
  );
}

export function RequestPage() {
  const { id } = useParams();
  const query = useRequest(id);
  return <QueryState query={query}>{({ request }) => <RequestContent request={request} />}</QueryState>;
}
