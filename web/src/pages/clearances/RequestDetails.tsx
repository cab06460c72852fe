import { Card, List, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AttachmentsCard } from '../../components/AttachmentsCard.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CLEARANCE_KEYS, type ClearanceRequest } from './api.ts';
import { useStateName } from './labels.tsx';

/** The request page's side panels: what was asked, the attached files, the history. */

export function Envelope({ request }: { request: ClearanceRequest }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const c = request.content;
  const rows: [string, string][] = [
    [t('clearances.form.framework'), t(`clearances.framework.${request.framework}`)],
    [t('clearances.form.urgency'), t(`clearances.urgency.${request.urgency}`)],
    [
      t('clearances.form.classification'),
      t(`levels.${request.classification}`, { defaultValue: request.classification }),
    ],
    [
      t('clearances.form.contact'),
      [c.pointOfContact.rank, c.pointOfContact.name, c.pointOfContact.phone, c.pointOfContact.email]
        .filter(Boolean)
        .join(' · '),
    ],
    [t('clearances.form.personnel'), number(c.personnel)],
    [t('clearances.form.armament'), c.armament ? t('clearances.request.yes') : t('clearances.request.no')],
    [
      t('clearances.form.assets'),
      c.assets
        .map(
          (a) =>
            `${number(a.count)} × ${a.type}${a.registrations.length ? ` (${a.registrations.join(', ')})` : ''}`,
        )
        .join('; '),
    ],
    [
      t('clearances.form.dangerousGoods'),
      c.dangerousGoods.length
        ? c.dangerousGoods
            .map(
              (g) =>
                `${g.unNumber} ${g.hazardClass} ${g.description}${g.netExplosiveQuantityKg !== null ? `, NEQ ${g.netExplosiveQuantityKg} kg` : ''}`,
            )
            .join('; ')
        : t('clearances.request.none'),
    ],
  ];
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('clearances.request.envelope')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="request-purpose-text">
          {c.purpose}
        </Text>
        <Table variant="vertical" layout="fixed" withTableBorder={false}>
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={180} bg="transparent">
                  <Text size="xs" c="dimmed" fw={600}>
                    {k}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{v}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

/** Files the requester attached (movement order, manifest, map); every state on the route reads them. */
export function RequestAttachments({ request }: { request: ClearanceRequest }) {
  const queryClient = useQueryClient();
  return (
    <AttachmentsCard
      owner={{ clearance: request.id }}
      attachments={request.attachments}
      canChange={request.abilities.attach}
      onChanged={() => void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEYS.one(request.id) })}
    />
  );
}

export function History({ request }: { request: ClearanceRequest }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  const events = [...request.events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('clearances.request.history')}
        </Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('clearances.request.noEvents')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} data-testid="request-history">
            {events.map((e, i) => (
              <Timeline.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: events have no id and never move
                key={i}
                title={
                  <Text
                    size="sm"
                    fw={500}
                  >{`${stateName(e.state)}: ${t(`clearances.event.${e.kind}`, { defaultValue: e.kind })}`}</Text>
                }
              >
                <Text size="xs" c="dimmed">
                  {dateTime(e.at)} · {e.actor}
                </Text>
                {typeof e.details.question === 'string' || typeof e.details.answer === 'string' ? (
                  <Text size="xs">{String(e.details.question ?? e.details.answer)}</Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {request.versions.length > 1 ? (
          <>
            <Title order={3} fz="md">
              {t('clearances.request.versions')}
            </Title>
            <List size="sm" data-testid="request-versions">
              {request.versions.map((v) => (
                <List.Item key={v.version}>
                  {t('clearances.request.versionLine', {
                    n: v.version,
                    at: dateTime(v.submittedAt ?? v.createdAt),
                    by: v.createdBy,
                  })}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
