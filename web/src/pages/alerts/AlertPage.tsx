import { Anchor, Button, Card, Grid, Group, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowUpRight, IconCheck, IconUsersGroup, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useMayConvene } from '../consultations/api.ts';
import { ConveneModal } from '../consultations/ConveneModal.tsx';
import { fieldPaths } from '../decisions/mutations.ts';
import { type Alert, type AlertStep, CLASSIFICATION_LEVELS, useAlert, useAlertStep } from './api.ts';
import { Age, AlertStatusBadge, LevelBadge, useDuration, useScale } from './labels.tsx';

/** Acknowledging or escalating (an optional note), or closing (a reason, required). */
function StepModal({ alert, step, onClose }: { alert: Alert; step: AlertStep; onClose: () => void }) {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useAlertStep(alert.id, step, () => {
    notifySuccess(t(`alerts.steps.${step}.done`, { reference: alert.reference }));
    onClose();
  });
  const field = step === 'close' ? 'reason' : 'note';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = !words.trim();
    setMissing(step === 'close' && empty);
    if (step === 'close' && empty) return;
    mutation.mutate(step === 'close' ? { reason: words.trim() } : { note: words });
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t(`alerts.steps.${step}.title`, { reference: alert.reference })}
    >
      <form onSubmit={submit} noValidate data-testid={`${step}-form`}>
        <Stack gap="md">
          <FormError error={mutation.error} placed={[field]} />
          <Textarea
            label={t(`alerts.steps.${step}.field`)}
            description={t(`alerts.steps.${step}.hint`)}
            required={step === 'close'}
            autosize
            minRows={3}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            error={missing ? t('form.required') : fieldPaths(mutation.error)[field]}
            data-testid={`${step}-text`}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={step === 'close' ? 'gray' : step === 'escalate' ? 'grape' : undefined}
              loading={mutation.isPending}
              data-testid={`${step}-submit`}
            >
              {t(`alerts.steps.${step}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

const STEP_ICON = { acknowledge: IconCheck, escalate: IconArrowUpRight, close: IconX } as const;

/** One alert: its facts, the steps taken on it, and the steps the reader may take now. */
export function AlertPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const scale = useScale();
  const duration = useDuration();
  const alert = useAlert(id);
  const [step, setStep] = useState<AlertStep | null>(null);
  // Convening talks on the alert: for those the consultations list says may convene.
  const mayConvene = useMayConvene();
  const [convening, setConvening] = useState(false);

  return (
    <QueryState query={alert}>
      {({ alert: a }) => {
        const steps = (['acknowledge', 'escalate', 'close'] as const).filter((s) => a.abilities[s]);
        return (
          <>
            <Anchor component={Link} to="/alerts" size="sm">
              {t('alerts.page.back')}
            </Anchor>
            <PageHeader
              title={
                <Group gap="sm" component="span">
                  <span>{a.reference}</span>
                  <LevelBadge level={a.level} size="md" />
                  <AlertStatusBadge status={a.status} />
                </Group>
              }
              description={scale.alertTitle(a)}
              actions={[
                ...steps.map((s) => {
                  const Icon = STEP_ICON[s];
                  return (
                    <Button
                      key={s}
                      variant={s === 'acknowledge' ? 'filled' : 'default'}
                      leftSection={<Icon size={16} aria-hidden />}
                      onClick={() => setStep(s)}
                      data-testid={`alert-${s}`}
                    >
                      {t(`alerts.steps.${s}.action`)}
                    </Button>
                  );
                }),
                mayConvene ? (
                  <Button
                    key="convene"
                    variant="default"
                    leftSection={<IconUsersGroup size={16} aria-hidden />}
                    onClick={() => setConvening(true)}
                    data-testid="alert-convene"
                  >
                    {t('consultations.convene.fromAlert')}
                  </Button>
                ) : null,
              ]}
            />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Card p="md" withBorder data-testid="alert-facts">
                  <Stack gap="sm">
                    {a.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Text> : null}
                    <Fact label={t('alerts.list.region')}>
                      <Anchor component={Link} to={`/situation?region=${a.region}`} size="sm">
                        {scale.region(a.region)}
                      </Anchor>
                    </Fact>
                    <Fact label={t('alerts.page.origin')}>{t(`alerts.origin.${a.origin}`)}</Fact>
                    <Fact label={t('alerts.page.raised')}>
                      {dateTime(a.raisedAt)} · {a.raisedBy}
                    </Fact>
                    <Fact label={t('alerts.list.age')}>
                      <Age
                        seconds={a.ageSeconds}
                        fetchedAt={alert.dataUpdatedAt}
                        still={a.status === 'closed'}
                      />
                    </Fact>
                    <Fact label={t('alerts.list.firstResponse')}>
                      {a.timeToFirstResponseSeconds !== null
                        ? duration(a.timeToFirstResponseSeconds)
                        : t('alerts.situation.unanswered')}
                    </Fact>
                    <Fact label={t('alerts.raise.classification')}>
                      {t(`alerts.classification.${CLASSIFICATION_LEVELS[a.classification] ?? 'restricted'}`)}
                    </Fact>
                    {a.closeReason ? <Fact label={t('alerts.page.closeReason')}>{a.closeReason}</Fact> : null}
                  </Stack>
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Card p="md" withBorder data-testid="alert-steps">
                  <Title order={2} size="h5" mb="sm">
                    {t('alerts.page.steps')}
                  </Title>
                  <Timeline active={(a.steps?.length ?? 1) - 1} bulletSize={18} lineWidth={2}>
                    {(a.steps ?? []).map((s) => (
                      <Timeline.Item
                        key={`${s.kind}-${s.at}`}
                        title={t(`alerts.stepKind.${s.kind}`)}
                        bullet={s.kind === 'escalated' ? <IconAlertTriangle size={11} /> : null}
                        data-testid="alert-step"
                        data-kind={s.kind}
                      >
                        <Text size="xs" c="dimmed">
                          {dateTime(s.at)} · {s.by}
                        </Text>
                        {s.note ? (
                          <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                            {s.note}
                          </Text>
                        ) : null}
                      </Timeline.Item>
                    ))}
                  </Timeline>
                </Card>
              </Grid.Col>
            </Grid>
            {step ? <StepModal alert={a} step={step} onClose={() => setStep(null)} /> : null}
            {convening ? <ConveneModal seed={a} onClose={() => setConvening(false)} /> : null}
          </>
        );
      }}
    </QueryState>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}
