import { ActionIcon, Alert, Badge, Button, Group, Menu, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconDots, IconKey, IconList, IconPencil, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppModal } from '../../components/AppModal.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import { useMe } from '../../session.tsx';
import {
  useDeleteWebhook,
  useTestWebhook,
  useUpdateWebhook,
  useWebhooks,
  type Webhook,
  webhookEventKinds,
} from './api.ts';
import { DeliveriesPanel } from './DeliveriesPanel.tsx';
import { managesWebhooks } from './module.tsx';
import { SecretModal } from './SecretModal.tsx';
import { WebhookFormModal } from './WebhookFormModal.tsx';

function ConfirmModal({
  opened,
  title,
  body,
  confirm,
  color,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  body: string;
  confirm: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {body}
        </Text>
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={pending} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function EventsCell({ events }: { events: Webhook['events'] }) {
  const { t } = useTranslation();
  if (events.length === webhookEventKinds().length)
    return (
      <Badge variant="outline" color="gray" radius="sm">
        {t('webhooks.allEvents')}
      </Badge>
    );
  return (
    <Group gap={4}>
      {events.map((e) => (
        <Badge key={e} variant="light" color="gray" radius="sm" tt="none">
          {t(`webhooks.eventNames.${e}`)}
        </Badge>
      ))}
    </Group>
  );
}

function WebhooksOf({ state }: { state: string }) {
  const { t } = useTranslation();
  const { shortDate, dateTime } = useFormat();
  const [searchParams] = useSearchParams();
  const webhooks = useWebhooks(state);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [panel, setPanel] = useState<string | null>(searchParams.get('webhook'));
  const update = useUpdateWebhook(state);
  const remove = useDeleteWebhook(state);
  const test = useTestWebhook(state);

  const closeRotate = () => {
    update.reset();
    setRotating(null);
  };
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };

  return (
    <Stack gap="lg">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('webhooks.add')}
        </Button>
      </Group>
      {test.error ? <ErrorAlert error={test.error} /> : null}
      <QueryState query={webhooks}>
        {({ items }) => {
          const shown = items.find((w) => w.id === panel) ?? null;
          return (
            <>
              <DataTable<Webhook>
                testId="webhooks-table"
                caption={t('webhooks.title')}
                empty={t('webhooks.empty')}
                rows={items}
                rowKey={(w) => w.id}
                minWidth={820}
                columns={[
                  {
                    key: 'url',
                    header: t('webhooks.url'),
                    cell: (w) => (
                      <Stack gap={2}>
                        <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                          {w.url}
                        </Text>
                        {w.description ? (
                          <Text size="xs" c="dimmed">
                            {w.description}
                          </Text>
                        ) : null}
                      </Stack>
                    ),
                  },
                  {
                    key: 'events',
                    header: t('webhooks.events'),
                    cell: (w) => <EventsCell events={w.events} />,
                  },
                  {
                    key: 'active',
                    header: t('webhooks.status'),
                    cell: (w) =>
                      w.active ? (
                        <Badge color="teal" variant="light" radius="sm" miw="max-content">
                          {t('webhooks.active')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="outline" radius="sm" miw="max-content">
                          {t('webhooks.inactive')}
                        </Badge>
                      ),
                  },
                  {
                    key: 'created',
                    header: t('webhooks.created'),
                    cell: (w) => (
                      <Tooltip label={`${w.createdBy} · ${dateTime(w.createdAt)}`}>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {shortDate(w.createdAt)}
                        </Text>
                      </Tooltip>
                    ),
                  },
                  {
                    key: 'actions',
                    header: t('webhooks.actions'),
                    cell: (w) => (
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant={panel === w.id ? 'filled' : 'light'}
                          leftSection={<IconList size={14} aria-hidden />}
                          onClick={() => setPanel(panel === w.id ? null : w.id)}
                          aria-pressed={panel === w.id}
                        >
                          {t('webhooks.deliveries')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          leftSection={<IconSend size={14} aria-hidden />}
                          loading={test.isPending && test.variables === w.id}
                          onClick={() =>
                            test.mutate(w.id, {
                              onSuccess: () => {
                                notifySuccess(t('webhooks.testSent'));
                                setPanel(w.id);
                              },
                            })
                          }
                        >
                          {t('webhooks.sendTest')}
                        </Button>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('webhooks.more', { url: w.url })}
                            >
                              <IconDots size={16} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(w)}>
                              {t('webhooks.edit')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setRotating(w)}>
                              {t('webhooks.rotate')}
                            </Menu.Item>
                            <Menu.Divider />
                            <Menu.Item
                              color="red"
                              leftSection={<IconTrash size={14} />}
                              onClick={() => setDeleting(w)}
                            >
                              {t('webhooks.delete')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Group>
                    ),
                  },
                ]}
              />
              {shown ? (
                <DeliveriesPanel
                  key={shown.id}
                  state={state}
                  webhook={shown}
                  onClose={() => setPanel(null)}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>

      <WebhookFormModal
        state={state}
        opened={adding || editing !== null}
        webhook={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        onSecret={setSecret}
      />
      <ConfirmModal
        opened={rotating !== null}
        title={t('webhooks.rotateTitle')}
        body={t('webhooks.rotateBody', { url: rotating?.url ?? '' })}
        confirm={t('webhooks.rotate')}
        pending={update.isPending}
        error={update.error}
        onClose={closeRotate}
        onConfirm={() =>
          rotating &&
          update.mutate(
            { id: rotating.id, rotateSecret: true },
            {
              onSuccess: ({ secret: next }) => {
                closeRotate();
                setSecret(next);
              },
            },
          )
        }
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('webhooks.deleteTitle')}
        body={t('webhooks.deleteBody', { url: deleting?.url ?? '' })}
        confirm={t('webhooks.delete')}
        color="red"
        pending={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              if (panel === deleting.id) setPanel(null);
              closeDelete();
              notifySuccess(t('webhooks.deleted'));
            },
          })
        }
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}

/** The national systems (webhooks) of a delegation: its head's own state, or any state for an admin. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const me = useMe();
  const states = useStates();
  const [searchParams, setSearchParams] = useSearchParams();
  const isAdmin = me.role === 'secretariat_admin';
  const chosen = searchParams.get('state');
  const state = isAdmin ? (chosen ?? states.data?.items[0]?.code ?? null) : me.stateCode;
  const stateLabel = (code: string | null) => {
    const found = states.data?.items.find((s) => s.code === code);
    return found ? `${found.code} · ${text(found.name)}` : (code ?? '');
  };

  if (!managesWebhooks(me))
    return (
      <>
        <PageHeader title={t('webhooks.title')} />
        <Alert color="gray" variant="light">
          {t('webhooks.notAllowed')}
        </Alert>
      </>
    );

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        description={t('webhooks.intro')}
        actions={
          isAdmin ? (
            <Select
              label={t('webhooks.state')}
              data={(states.data?.items ?? []).map((s) => ({
                value: s.code,
                label: `${s.code} · ${text(s.name)}`,
              }))}
              value={state}
              onChange={(code) => code && setSearchParams({ state: code })}
              allowDeselect={false}
              w={260}
              data-testid="webhooks-state"
            />
          ) : (
            <Badge size="lg" variant="light" radius="sm" tt="none">
              {stateLabel(state)}
            </Badge>
          )
        }
      />
      {state ? <WebhooksOf key={state} state={state} /> : null}
    </>
  );
}
