import {
  Alert,
  Button,
  CloseButton,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { useMe } from '../../session.tsx';
import { ACCESS_LEVELS } from '../../types.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { useMonitoringSettings } from '../monitoring/api.ts';
import {
  type Hotline,
  type HotlineMessage,
  MESSAGE_CLASSIFICATIONS,
  type MessageClassification,
  URGENCIES,
  type Urgency,
  useSendMessage,
} from './api.ts';
import { useStateName } from './labels.tsx';

/** At most the server's limit (src/modules/hotline/schema.ts). */
const MAX_LENGTH = 4000;

/**
 * Writing to the other side: the text, its urgency and classification (at most the writer's
 * access level), the monitoring region it concerns; with `replyTo`, an answer to that message
 * (which acknowledges it when it came from the other side).
 */
export function Composer({
  hotline,
  replyTo,
  onCancelReply,
  onSent,
}: {
  hotline: Hotline;
  replyTo: HotlineMessage | null;
  onCancelReply: () => void;
  onSent: (message: HotlineMessage) => void;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const me = useMe();
  const stateName = useStateName();
  const settings = useMonitoringSettings();
  const [body, setBody] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const [classification, setClassification] = useState<MessageClassification>('restricted');
  const [region, setRegion] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const other = hotline.states.find((s) => s !== hotline.mySide) ?? hotline.states[1];
  const send = useSendMessage(hotline.code, (message) => {
    notifySuccess(t('hotline.compose.sent', { state: stateName(other) }));
    setBody('');
    setUrgency('routine');
    setRegion(null);
    onSent(message);
  });
  // Answering a message brings the writer to the text.
  useEffect(() => {
    if (replyTo) field.current?.focus();
  }, [replyTo]);
  const level = ACCESS_LEVELS.indexOf(me.accessLevel);
  const classifications = MESSAGE_CLASSIFICATIONS.filter((c) => ACCESS_LEVELS.indexOf(c) <= level);
  const errors = fieldPaths(send.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = !body.trim();
    setMissing(empty);
    if (empty) return;
    send.mutate({
      body: body.trim(),
      urgency,
      classification,
      ...(region ? { region } : {}),
      ...(replyTo ? { replyTo: replyTo.id } : {}),
    });
  };

  return (
    <Paper p="md" withBorder component="section" aria-label={t('hotline.compose.heading')}>
      <form onSubmit={submit} noValidate data-testid="compose-form">
        <Stack gap="sm">
          <Text fw={600}>{t('hotline.compose.heading', { state: stateName(other) })}</Text>
          {replyTo ? (
            <Alert variant="light" color="blue" p="xs" data-testid="replying-to">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" lineClamp={2}>
                  {t('hotline.compose.replyingTo', { state: stateName(replyTo.fromState) })} “{replyTo.body}”
                  {replyTo.abilities.acknowledge ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {t('hotline.compose.replyAcknowledges')}
                    </Text>
                  ) : null}
                </Text>
                <CloseButton aria-label={t('hotline.compose.cancelReply')} onClick={onCancelReply} />
              </Group>
            </Alert>
          ) : null}
          {classifications.length === 0 ? (
            <Alert color="gray" variant="light">
              {t('hotline.compose.belowLevel')}
            </Alert>
          ) : null}
          <FormError error={send.error} placed={['body', 'urgency', 'classification', 'region', 'replyTo']} />
          <Textarea
            ref={field}
            label={t('hotline.compose.body')}
            placeholder={t('hotline.compose.bodyPlaceholder')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={MAX_LENGTH}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={missing ? t('form.required') : errors.body}
            description={t('hotline.compose.length', { count: body.length, max: MAX_LENGTH })}
            data-testid="compose-body"
          />
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('hotline.compose.urgency')}
                </Text>
                <SegmentedControl
                  fullWidth
                  value={urgency}
                  onChange={(v) => setUrgency(v as Urgency)}
                  color={urgency === 'urgent' ? 'red' : undefined}
                  data={URGENCIES.map((u) => ({ value: u, label: t(`hotline.urgency.${u}`) }))}
                  data-testid="compose-urgency"
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('hotline.compose.classification')}
                data={classifications.map((c) => ({ value: c, label: t(`hotline.classification.${c}`) }))}
                value={classification}
                onChange={(v) => setClassification((v as MessageClassification | null) ?? 'restricted')}
                allowDeselect={false}
                error={errors.classification}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('hotline.compose.region')}
                placeholder={t('hotline.compose.noRegion')}
                data={(settings.data?.monitoring.regions ?? []).map((r) => ({
                  value: r.code,
                  label: text(r.name),
                }))}
                value={region}
                onChange={setRegion}
                clearable
                error={errors.region}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Group justify="flex-end">
                <Button
                  type="submit"
                  color={urgency === 'urgent' ? 'red' : undefined}
                  leftSection={<IconSend size={16} aria-hidden />}
                  loading={send.isPending}
                  disabled={classifications.length === 0}
                  data-testid="compose-send"
                >
                  {replyTo ? t('hotline.compose.sendReply') : t('hotline.compose.send')}
                </Button>
              </Group>
            </Grid.Col>
          </Grid>
        </Stack>
      </form>
    </Paper>
  );
}
