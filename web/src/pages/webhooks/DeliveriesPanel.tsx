import {
  ActionIcon,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRefresh } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify.ts';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { type Delivery, type DeliveryStatus, useDeliveries, useRedeliver, type Webhook } from './api.ts';

const STATUS_COLOR: Record<DeliveryStatus, string> = {
  pending: 'blue',
  delivered: 'teal',
  failed: 'red',
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" radius="sm" miw="max-content" data-status={status}>
      {t(`webhooks.deliveryStatus.${status}`)}
    </Badge>
  );
}

function Header({ children }: { children: string }) {
  return (
    <Table.Th scope="col">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {children}
      </Text>
    </Table.Th>
  );
}

function Attempts({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  if (delivery.attemptLog.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('webhooks.noAttempts')}
      </Text>
    );
  return (
    <Table withTableBorder={false} data-testid="attempts-table" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Header>{t('webhooks.attemptAt')}</Header>
          <Header>{t('webhooks.statusCode')}</Header>
          <Header>{t('webhooks.error')}</Header>
          <Header>{t('webhooks.duration')}</Header>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {delivery.attemptLog.map((a) => (
          <Table.Tr key={a.at}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(a.at)}</Table.Td>
            <Table.Td>{a.statusCode ?? '—'}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{a.error ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('webhooks.durationMs', { ms: a.durationMs })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DeliveryRows({ delivery, state }: { delivery: Delivery; state: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [open, setOpen] = useState(false);
  const redeliver = useRedeliver(state);
  const eventName = t(`webhooks.eventNames.${delivery.event}`, { defaultValue: delivery.event });
  const last =
    delivery.lastStatusCode !== null
      ? String(delivery.lastStatusCode)
      : delivery.lastError
        ? delivery.lastError
        : '—';
  return (
    <Fragment>
      <Table.Tr data-testid="delivery-row" data-delivery={delivery.id}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={open ? t('webhooks.hideAttempts') : t('webhooks.showAttempts')}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{eventName}</Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {dateTime(delivery.createdAt)}
          </Text>
        </Table.Td>
        <Table.Td>
          <DeliveryStatusBadge status={delivery.status} />
        </Table.Td>
        <Table.Td>{delivery.attempts}</Table.Td>
        <Table.Td>
          <Text size="sm" style={{ wordBreak: 'break-word' }} title={delivery.lastError ?? undefined}>
            {last}
            {delivery.lastStatusCode !== null && delivery.lastError ? ` · ${delivery.lastError}` : ''}
          </Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {delivery.status === 'pending' ? dateTime(delivery.nextAttemptAt) : '—'}
        </Table.Td>
        <Table.Td>
          {delivery.status !== 'pending' ? (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconRefresh size={14} aria-hidden />}
              loading={redeliver.isPending}
              onClick={() =>
                redeliver.mutate(delivery.id, {
                  onSuccess: () => notifySuccess(t('webhooks.redelivered')),
                })
              }
            >
              {t('webhooks.redeliver')}
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
      {redeliver.error ? (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <ErrorAlert error={redeliver.error} />
          </Table.Td>
        </Table.Tr>
      ) : null}
      {open ? (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={6}>
            <Paper withBorder p="xs" bg="gray.0">
              <Attempts delivery={delivery} />
            </Paper>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}

/** A webhook's deliveries, newest first, refreshed every few seconds while open. */
export function DeliveriesPanel({
  state,
  webhook,
  onClose,
}: {
  state: string;
  webhook: Webhook;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const deliveries = useDeliveries(state, webhook.id);
  return (
    <Card data-testid="deliveries-panel">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={2} fz="lg">
              {t('webhooks.deliveries')}
            </Title>
            <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {webhook.url}
            </Text>
            <Text size="xs" c="dimmed">
              {t('webhooks.refreshing')}
            </Text>
          </div>
          <CloseButton onClick={onClose} aria-label={t('webhooks.hideDeliveries')} />
        </Group>
        <QueryState query={deliveries}>
          {({ items }) => (
            <Paper p={0} style={{ overflow: 'hidden' }}>
              <Table.ScrollContainer minWidth={760} type="native">
                <Table data-testid="deliveries-table">
                  <caption
                    style={{
                      position: 'absolute',
                      width: 1,
                      height: 1,
                      overflow: 'hidden',
                      clip: 'rect(0 0 0 0)',
                    }}
                  >
                    {t('webhooks.deliveries')}
                  </caption>
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th style={{ width: 40 }} />
                      <Header>{t('webhooks.event')}</Header>
                      <Header>{t('webhooks.status')}</Header>
                      <Header>{t('webhooks.attempts')}</Header>
                      <Header>{t('webhooks.lastResult')}</Header>
                      <Header>{t('webhooks.nextAttempt')}</Header>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.length === 0 ? (
                      <Table.Tr>
                        <Table.Td colSpan={7}>
                          <Text c="dimmed" size="sm" ta="center" py="md">
                            {t('webhooks.noDeliveries')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ) : (
                      items.map((d) => <DeliveryRows key={d.id} delivery={d} state={state} />)
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
