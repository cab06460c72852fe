import { Button, Group, MultiSelect, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import {
  useCreateWebhook,
  useUpdateWebhook,
  type Webhook,
  type WebhookEvent,
  type WebhookInput,
  webhookEventKinds,
} from './api.ts';

function WebhookForm({
  state,
  webhook,
  onClose,
  onSecret,
}: {
  state: string;
  webhook: Webhook | null;
  onClose: () => void;
  onSecret: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [events, setEvents] = useState<string[]>(webhook?.events ?? webhookEventKinds());
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [active, setActive] = useState(webhook?.active ?? true);
  const [missing, setMissing] = useState<{ url?: string; events?: string }>({});
  const create = useCreateWebhook(state);
  const update = useUpdateWebhook(state);
  const mutation = webhook ? update : create;
  const errors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const nextMissing = {
      url: url.trim() ? undefined : t('form.required'),
      events: events.length ? undefined : t('webhooks.eventsRequired'),
    };
    setMissing(nextMissing);
    if (nextMissing.url || nextMissing.events) return;
    const input: WebhookInput = {
      url: url.trim(),
      events: events as WebhookEvent[],
      active,
      description: description.trim() || null,
    };
    if (webhook) {
      update.mutate(
        { id: webhook.id, ...input },
        {
          onSuccess: () => {
            notifySuccess(t('webhooks.saved'));
            onClose();
          },
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: ({ secret }) => {
          onClose();
          onSecret(secret);
        },
      });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="webhook-form">
      <Stack gap="md">
        <FormError error={mutation.error} placed={['url', 'events', 'description', 'active']} />
        <TextInput
          label={t('webhooks.url')}
          description={t('webhooks.urlHint')}
          placeholder="https://clearances.example.gov/accord"
          required
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={missing.url ?? errors.url}
          data-autofocus
        />
        <MultiSelect
          label={t('webhooks.events')}
          description={t('webhooks.eventsHint')}
          required
          data={webhookEventKinds().map((e) => ({ value: e, label: t(`webhooks.eventNames.${e}`) }))}
          value={events}
          onChange={setEvents}
          error={missing.events ?? errors.events}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('webhooks.descriptionLabel')}
          placeholder={t('webhooks.descriptionPlaceholder')}
          maxLength={200}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <Switch
          label={t('webhooks.activeLabel')}
          description={t('webhooks.activeHint')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {webhook ? t('common.save') : t('webhooks.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a webhook (then shows its secret once), or edits one. */
export function WebhookFormModal({
  state,
  opened,
  webhook,
  onClose,
  onSecret,
}: {
  state: string;
  opened: boolean;
  webhook: Webhook | null;
  onClose: () => void;
  onSecret: (secret: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={webhook ? t('webhooks.editTitle') : t('webhooks.addTitle')}
    >
      {opened ? (
        <WebhookForm
          key={webhook?.id ?? 'new'}
          state={state}
          webhook={webhook}
          onClose={onClose}
          onSecret={onSecret}
        />
      ) : null}
    </AppModal>
  );
}
