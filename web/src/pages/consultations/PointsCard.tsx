import {
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconClock, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useMe } from '../../session.tsx';
import { useStateName } from '../decisions/labels.ts';
import { type Consultation, type ConsultationPoint, useAgreePoint, useProposePoint } from './api.ts';
import { agreementOf, problemFor, problemsOf } from './helpers.ts';
import { StepError } from './parts.tsx';

/** One point: its text, who put it, each state's agreement, and the reader's "Agree" when theirs is awaited. */
function PointItem({ consultation: c, point }: { consultation: Consultation; point: ConsultationPoint }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  const me = useMe();
  const agree = useAgreePoint(c.id);
  return (
    <Stack
      component="li"
      gap={6}
      p="sm"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
      data-testid="point"
      data-agreed={point.agreed}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start" justify="space-between">
        <Text size="sm" style={{ whiteSpace: 'pre-line', minWidth: 0 }}>
          <Text span fw={700} size="sm">
            {point.position}.
          </Text>{' '}
          {point.text}
        </Text>
        {point.agreed ? (
          <Badge color="teal" variant="filled" size="sm" style={{ flexShrink: 0 }} data-testid="point-agreed">
            {t('consultations.points.agreed')}
          </Badge>
        ) : (
          <Badge color="yellow" variant="light" size="sm" style={{ flexShrink: 0 }}>
            {t('consultations.points.awaiting')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {point.proposedByState
          ? t('consultations.points.proposedByState', {
              name: point.proposedBy,
              state: stateName(point.proposedByState),
            })
          : t('consultations.points.proposedBy', { name: point.proposedBy })}
        {point.agreedAt ? ` · ${t('consultations.points.agreedAt', { at: dateTime(point.agreedAt) })}` : ''}
      </Text>
      <Group gap={6} data-testid="point-agreement">
        {agreementOf(point, c.states).map(({ state, agreed }) => (
          <Tooltip
            key={state}
            label={
              agreed
                ? t('consultations.points.stateAgreed', { state: stateName(state) })
                : t('consultations.points.stateAwaited', { state: stateName(state) })
            }
          >
            <Badge
              variant={agreed ? 'light' : 'outline'}
              color={agreed ? 'teal' : 'gray'}
              radius="sm"
              tt="none"
              leftSection={agreed ? <IconCheck size={12} aria-hidden /> : <IconClock size={12} aria-hidden />}
              data-testid="point-state"
              data-state={state}
              data-agreed={agreed}
            >
              {stateName(state)}
              <VisuallyHidden component="span">
                {': '}
                {agreed ? t('consultations.points.yes') : t('consultations.points.notYet')}
              </VisuallyHidden>
            </Badge>
          </Tooltip>
        ))}
      </Group>
      {point.abilities.agree ? (
        <Group gap="xs">
          <Button
            size="compact-sm"
            color="teal"
            leftSection={<IconCheck size={14} aria-hidden />}
            onClick={() => agree.mutate(point.id)}
            loading={agree.isPending}
            data-testid="point-agree"
          >
            {t('consultations.points.agree', { state: stateName(me.stateCode ?? '') })}
          </Button>
        </Group>
      ) : null}
      <StepError error={agree.error} />
    </Stack>
  );
}

/** The points put to the states, who agreed to each, and proposing one. */
export function PointsCard({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const propose = useProposePoint(c.id, () => {
    setText('');
    setTried(false);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (text.trim()) propose.mutate(text.trim());
  };
  const agreed = c.points.filter((p) => p.agreed).length;

  return (
    <Card data-testid="points">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="lg">
            {t('consultations.points.title')}
          </Title>
          {c.points.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t('consultations.points.count', { count: c.points.length, agreed })}
            </Text>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('consultations.points.hint')}
        </Text>
        {c.points.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('consultations.points.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {c.points.map((p) => (
              <PointItem key={p.id} consultation={c} point={p} />
            ))}
          </Stack>
        )}
        {c.abilities.proposePoint ? (
          <form onSubmit={submit} noValidate data-testid="point-form">
            <Stack gap="xs">
              <StepError error={propose.error} placed={['text']} />
              <Textarea
                label={t('consultations.points.new')}
                autosize
                minRows={2}
                maxRows={6}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={
                  tried && !text.trim() ? t('form.required') : problemFor(problemsOf(propose.error), 'text')
                }
                maxLength={5000}
                data-testid="point-text"
              />
              <Button
                type="submit"
                variant="default"
                leftSection={<IconPlus size={14} aria-hidden />}
                loading={propose.isPending}
                style={{ alignSelf: 'flex-end' }}
                data-testid="point-propose"
              >
                {t('consultations.points.propose')}
              </Button>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
