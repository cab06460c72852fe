import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { type ClearanceRequest, type Leg, useCrossingPoints, useRequestMutation } from './api.ts';
import { CONDITION_KINDS, type ConditionKind, rowKey, utcInstant } from './draft.ts';
import { useStateName } from './labels.tsx';

type Decision = 'approve' | 'approve_with_conditions' | 'deny';

interface ConditionDraft {
  key: string;
  kind: ConditionKind;
  text: string;
  from: string | null;
  to: string | null;
  point: string | null;
}

const emptyCondition = (): ConditionDraft => ({
  key: rowKey(),
  kind: 'time_window',
  text: '',
  from: null,
  to: null,
  point: null,
});

type DecideBody = BodyOf<'/api/clearances/{id}/legs/{state}/decision', 'post'>;

/** A state's decision on its leg, or the secretariat's on an escalated one. */
const sendDecision = (request: ClearanceRequest, leg: Leg, escalation: boolean, body: DecideBody) => {
  const params = { path: { id: request.id, state: leg.state } };
  return ok(
    escalation
      ? client.POST('/api/clearances/{id}/legs/{state}/escalation-decision', { params, body })
      : client.POST('/api/clearances/{id}/legs/{state}/decision', { params, body }),
  );
};

/** What a text dialog sends: a question to the requester, the requester's answer, or a withdrawal's reason. */
export type TextAction =
  | { field: 'question'; leg: Leg }
  | { field: 'answer'; leg: Leg }
  | { field: 'reason' };

const sendText = (request: ClearanceRequest, action: TextAction, text: string) => {
  switch (action.field) {
    case 'question':
      return ok(
        client.POST('/api/clearances/{id}/legs/{state}/questions', {
          params: { path: { id: request.id, state: action.leg.state } },
          body: { question: text },
        }),
      );
    case 'answer':
      return ok(
        client.POST('/api/clearances/{id}/legs/{state}/answers', {
          params: { path: { id: request.id, state: action.leg.state } },
          body: { answer: text },
        }),
      );
    case 'reason':
      return ok(
        client.POST('/api/clearances/{id}/withdraw', {
          params: { path: { id: request.id } },
          body: { reason: text },
        }),
      );
  }
};

/**
 * A state decides its leg: approve, approve with conditions (each a kind and its text; a
 * time window or crossing point where the kind needs one), or deny with a reason. The
 * secretariat uses the same form for an escalated leg (`escalation`).
 */
export function DecideModal({
  request,
  leg,
  opened,
  onClose,
  escalation = false,
}: {
  request: ClearanceRequest;
  leg: Leg;
  opened: boolean;
  onClose: () => void;
  escalation?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const stateName = useStateName();
  const points = useCrossingPoints();
  const [decision, setDecision] = useState<Decision>('approve');
  const [conditions, setConditions] = useState<ConditionDraft[]>([emptyCondition()]);
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');
  const close = () => {
    decide.reset();
    onClose();
  };
  const decide = useRequestMutation(
    (body: DecideBody) => sendDecision(request, leg, escalation, body),
    () => t('clearances.decide.done', { state: stateName(leg.state) }),
    close,
  );
  const errors = fieldPaths(decide.error);
  const set = (i: number, change: Partial<ConditionDraft>) =>
    setConditions((cs) => cs.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const pointOptions = (points.data?.items ?? [])
    .filter((p) => p.states.includes(leg.state))
    .map((p) => ({ value: p.code, label: text(p.name) }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({
      decision,
      conditions:
        decision === 'approve_with_conditions'
          ? conditions.map((c) => ({
              kind: c.kind,
              text: c.text.trim(),
              ...(c.kind === 'time_window'
                ? { window: { from: utcInstant(c.from), to: utcInstant(c.to) } }
                : {}),
              ...(c.kind === 'crossing_point' && c.point ? { point: c.point } : {}),
            }))
          : [],
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(number.trim() ? { clearanceNumber: number.trim() } : {}),
      ...(note.trim() && !escalation ? { internalNote: note.trim() } : {}),
    });
  };

  return (
    <AppModal
      opened={opened}
      onClose={close}
      size="lg"
      title={
        escalation
          ? t('clearances.decide.escalationTitle', { state: stateName(leg.state) })
          : t('clearances.decide.title', { state: stateName(leg.state) })
      }
    >
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <form onSubmit={onSubmit} noValidate data-testid="decide-form">
          <Stack gap="md">
            <FormError
              error={decide.error}
              placed={[
                'decision',
                'reason',
                'clearanceNumber',
                'internalNote',
                'text',
                'window',
                'point',
                'from',
                'to',
                'kind',
                'conditions',
              ]}
            />
            <Radio.Group
              label={t('clearances.decide.decision')}
              value={decision}
              onChange={(v) => setDecision(v as Decision)}
              required
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="approve"
                  label={t('clearances.decision.approve')}
                  data-testid="decision-approve"
                />
                <Radio
                  value="approve_with_conditions"
                  label={t('clearances.decision.approve_with_conditions')}
                  data-testid="decision-conditions"
                />
                <Radio value="deny" label={t('clearances.decision.deny')} data-testid="decision-deny" />
              </Stack>
            </Radio.Group>
            {decision === 'approve_with_conditions' ? (
              <Stack gap="sm" data-testid="conditions">
                {errors.conditions ? (
                  <Text size="sm" c="red" role="alert">
                    {errors.conditions}
                  </Text>
                ) : null}
                {conditions.map((c, i) => (
                  <Paper key={c.key} p="sm" data-testid={`condition-${i}`}>
                    <Stack gap="xs">
                      <Group align="flex-end" wrap="nowrap">
                        <Select
                          label={t('clearances.decide.conditionKind')}
                          data={CONDITION_KINDS.map((k) => ({
                            value: k,
                            label: t(`clearances.conditionKind.${k}`),
                          }))}
                          value={c.kind}
                          onChange={(v) => set(i, { kind: (v as ConditionKind) ?? 'other' })}
                          allowDeselect={false}
                          style={{ flex: 1 }}
                          data-testid={`condition-${i}-kind`}
                        />
                        <ActionIcon
                          variant="default"
                          size="lg"
                          aria-label={t('clearances.decide.removeCondition', { n: i + 1 })}
                          disabled={conditions.length === 1}
                          onClick={() => setConditions((cs) => cs.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                      {c.kind === 'time_window' ? (
                        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                          <DateTimePicker
                            label={`${t('clearances.form.from')} (UTC)`}
                            value={c.from}
                            onChange={(v) => set(i, { from: v })}
                            valueFormat="DD MMM YYYY, HH:mm"
                            error={errors[`conditions.${i}.window.from`] ?? errors[`conditions.${i}.window`]}
                          />
                          <DateTimePicker
                            label={`${t('clearances.form.to')} (UTC)`}
                            value={c.to}
                            onChange={(v) => set(i, { to: v })}
                            valueFormat="DD MMM YYYY, HH:mm"
                            error={errors[`conditions.${i}.window.to`]}
                          />
                        </SimpleGrid>
                      ) : null}
                      {c.kind === 'crossing_point' ? (
                        <Select
                          label={t('clearances.decide.point')}
                          data={pointOptions}
                          value={c.point}
                          onChange={(v) => set(i, { point: v })}
                          error={errors[`conditions.${i}.point`]}
                        />
                      ) : null}
                      <Textarea
                        label={t('clearances.decide.conditionText')}
                        required
                        autosize
                        minRows={2}
                        value={c.text}
                        onChange={(e) => set(i, { text: e.currentTarget.value })}
                        error={errors[`conditions.${i}.text`]}
                        data-testid={`condition-${i}-text`}
                      />
                    </Stack>
                  </Paper>
                ))}
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setConditions((cs) => [...cs, emptyCondition()])}
                  >
                    {t('clearances.decide.addCondition')}
                  </Button>
                </Group>
              </Stack>
            ) : null}
            {decision === 'deny' ? (
              <Textarea
                label={t('clearances.decide.reason')}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                data-testid="deny-reason"
              />
            ) : null}
            <TextInput
              label={t('clearances.decide.number')}
              description={t('clearances.decide.numberHint')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              error={errors.clearanceNumber}
            />
            {escalation ? null : (
              <Textarea
                label={t('clearances.decide.note')}
                description={t('clearances.decide.noteHint')}
                autosize
                minRows={1}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.internalNote}
              />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={decision === 'deny' ? 'red' : undefined}
                loading={decide.isPending}
                data-testid="decide-submit"
              >
                {t(`clearances.decide.submit.${decision}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </AppModal>
  );
}

/**
 * One text and a button: asking the requester for information (the state's clock pauses),
 * answering it, or withdrawing the whole request with a reason.
 */
export function TextActionModal({
  opened,
  onClose,
  title,
  label,
  hint,
  submit,
  request,
  action,
  success,
  danger = false,
  testId,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  hint?: string;
  submit: string;
  request: ClearanceRequest;
  action: TextAction;
  success: string;
  danger?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const field = action.field;
  const close = () => {
    send.reset();
    onClose();
  };
  const send = useRequestMutation(
    (text: string) => sendText(request, action, text),
    () => success,
    () => {
      setValue('');
      close();
    },
  );
  return (
    <AppModal opened={opened} onClose={close} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(value.trim());
        }}
        noValidate
        data-testid={testId}
      >
        <Stack gap="md">
          <FormError error={send.error} placed={[field]} />
          {hint ? (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          ) : null}
          <Textarea
            label={label}
            required
            autosize
            minRows={3}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={fieldPaths(send.error)[field]}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={danger ? 'red' : undefined}
              loading={send.isPending}
              disabled={!value.trim()}
              data-testid={`${testId}-submit`}
            >
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
