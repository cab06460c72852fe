import { Alert, Button, Group, List, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppModal } from '../../components/AppModal.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { useBodies } from '../../queries.ts';
import { useMe } from '../../session.tsx';
import { ACCESS_LEVELS, type Classification } from '../../types.ts';
import { type Consultation, useCloseConsultation, useConclude, useMakeProposal } from './api.ts';
import { agreedPoints, classificationsUpTo, problemFor, problemsOf } from './helpers.ts';
import { StepError } from './parts.tsx';

/** Concluding with the outcome: the agreed points go with it, the others are named as left out. */
export function ConcludeModal({
  consultation: c,
  onClose,
}: {
  consultation: Consultation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [tried, setTried] = useState(false);
  const conclude = useConclude(c.id, (done) => {
    notifySuccess(t('consultations.conclude.done', { reference: done.reference }));
    onClose();
  });
  const agreed = agreedPoints(c.points);
  const left = c.points.length - agreed.length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (outcome.trim()) conclude.mutate(outcome.trim());
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('consultations.conclude.title', { reference: c.reference })}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="conclude-form">
        <Stack gap="md">
          <StepError error={conclude.error} placed={['outcome']} />
          <Textarea
            label={t('consultations.fields.outcome')}
            description={t('consultations.conclude.hint')}
            required
            autosize
            minRows={4}
            maxRows={12}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            error={
              tried && !outcome.trim()
                ? t('form.required')
                : problemFor(problemsOf(conclude.error), 'outcome')
            }
            maxLength={20_000}
            data-testid="conclude-outcome"
            data-autofocus
          />
          <Alert
            variant="light"
            color={agreed.length ? 'teal' : 'yellow'}
            icon={<IconInfoCircle aria-hidden />}
            p="xs"
          >
            <Text size="sm">{t('consultations.conclude.points', { count: agreed.length })}</Text>
            {agreed.length > 0 ? (
              <List size="sm" mt={4}>
                {agreed.map((p) => (
                  <List.Item key={p.id}>
                    {p.position}. {p.text}
                  </List.Item>
                ))}
              </List>
            ) : null}
            {left > 0 ? (
              <Text size="sm" mt={4}>
                {t('consultations.conclude.leftOut', { count: left })}
              </Text>
            ) : null}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={conclude.isPending} data-testid="conclude-submit">
              {t('consultations.conclude.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Closing without an outcome, saying why. */
export function CloseModal({
  consultation: c,
  onClose,
}: {
  consultation: Consultation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const close = useCloseConsultation(c.id, (done) => {
    notifySuccess(t('consultations.close.done', { reference: done.reference }));
    onClose();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reason.trim()) close.mutate(reason.trim());
  };
  return (
    <AppModal opened onClose={onClose} title={t('consultations.close.title', { reference: c.reference })}>
      <form onSubmit={submit} noValidate data-testid="close-form">
        <Stack gap="md">
          <StepError error={close.error} placed={['reason']} />
          <Textarea
            label={t('consultations.fields.closeReason')}
            description={t('consultations.close.hint')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={
              tried && !reason.trim() ? t('form.required') : problemFor(problemsOf(close.error), 'reason')
            }
            maxLength={2000}
            data-testid="close-reason"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="gray" loading={close.isPending} data-testid="close-submit">
              {t('consultations.close.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * Making a proposal of the outcome, in one step: the body that is to decide (the title and
 * classification default to the consultation's); then the proposal's page opens.
 */
export function ProposalModal({
  consultation: c,
  onClose,
}: {
  consultation: Consultation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const navigate = useNavigate();
  const me = useMe();
  const bodies = useBodies();
  const [body, setBody] = useState<string | null>(null);
  const [title, setTitle] = useState(c.title);
  const [classification, setClassification] = useState<Classification>(c.classification);
  const [tried, setTried] = useState(false);
  const make = useMakeProposal(c.id, (proposalId) => {
    notifySuccess(t('consultations.proposal.done', { reference: c.reference }));
    onClose();
    void navigate(`/proposals/${proposalId}`);
  });
  const problems = problemsOf(make.error);
  const levels = classificationsUpTo(me.accessLevel).filter(
    (l) => ACCESS_LEVELS.indexOf(l) >= ACCESS_LEVELS.indexOf(c.classification),
  );
  const points = agreedPoints(c.points);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!body || !title.trim()) return;
    make.mutate({ body, title: title.trim(), classification });
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('consultations.proposal.title', { reference: c.reference })}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="proposal-form">
        <Stack gap="md">
          <Text size="sm">{t('consultations.proposal.explain', { count: points.length })}</Text>
          <StepError error={make.error} placed={['body', 'title', 'classification']} />
          <Select
            label={t('consultations.fields.body')}
            required
            searchable
            data={(bodies.data?.items ?? []).map((b) => ({ value: b.code, label: text(b.name) }))}
            value={body}
            onChange={setBody}
            error={tried && !body ? t('form.required') : problemFor(problems, 'body')}
            data-testid="proposal-body"
          />
          <TextInput
            label={t('consultations.fields.proposalTitle')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={tried && !title.trim() ? t('form.required') : problemFor(problems, 'title')}
            maxLength={300}
            data-testid="proposal-title-input"
          />
          <Select
            label={t('consultations.fields.classification')}
            description={t('consultations.proposal.classificationHint')}
            allowDeselect={false}
            data={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            value={classification}
            onChange={(v) => v && setClassification(v as Classification)}
            error={problemFor(problems, 'classification')}
            data-testid="proposal-classification"
          />
          <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />} p="xs">
            <Text size="sm">{t('consultations.proposal.leaves')}</Text>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={make.isPending} data-testid="proposal-submit">
              {t('consultations.proposal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
