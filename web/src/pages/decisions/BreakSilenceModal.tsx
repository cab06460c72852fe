import {
  Alert,
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import type { Procedure } from '../../types.ts';
import { useStateName } from './labels.ts';
import { useProcedureMutation } from './mutations.ts';

type Kind = 'object' | 'propose_amendment';

/**
 * Breaks silence: a written objection on some or all points, or an amendment rewriting
 * one point. The text is required, and a second step asks to confirm before it is sent.
 */
export function BreakSilenceModal({
  procedure,
  opened,
  onClose,
  ownState,
}: {
  procedure: Procedure;
  opened: boolean;
  onClose: () => void;
  ownState: string | null;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const allPoints = procedure.points.map((p) => p.key);
  const [kind, setKind] = useState<Kind>('object');
  const [points, setPoints] = useState<string[]>(allPoints);
  const [point, setPoint] = useState<string | null>(allPoints[0] ?? null);
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [checked, setChecked] = useState<Record<string, string>>({});

  const close = () => {
    setKind('object');
    setPoints(allPoints);
    setPoint(allPoints[0] ?? null);
    setText('');
    setConfirming(false);
    setChecked({});
    send.reset();
    onClose();
  };

  const send = useProcedureMutation(
    (body: BodyOf<'/api/procedures/{id}/break-silence', 'post'>) =>
      ok(client.POST('/api/procedures/{id}/break-silence', { params: { path: { id: procedure.id } }, body })),
    () => t('decisions.breakSilence.done'),
    close,
  );

  const targets = kind === 'object' ? points : point ? [point] : [];
  const serverErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...checked };

  const review = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!text.trim()) found.text = t('form.required');
    if (targets.length === 0) found.points = t('form.required');
    setChecked(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  };

  const choosePoint = (key: string | null) => {
    setPoint(key);
    // An amendment rewrites the point: start from its current wording.
    const current = procedure.points.find((p) => p.key === key)?.text ?? '';
    if (!text.trim() || procedure.points.some((p) => p.text === text)) setText(current);
  };

  return (
    <AppModal
      opened={opened}
      onClose={close}
      size="lg"
      title={confirming ? t('decisions.breakSilence.confirmTitle') : t('decisions.breakSilence.title')}
    >
      {confirming ? (
        <Stack gap="md" data-testid="break-silence-confirm">
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t(
              kind === 'object'
                ? 'decisions.breakSilence.confirmObject'
                : 'decisions.breakSilence.confirmAmend',
              {
                state: stateName(ownState ?? ''),
                count: targets.length,
                points: targets.join(', '),
              },
            )}
          </Alert>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t(`decisions.stanceText.${kind}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {text.trim()}
            </Text>
          </Stack>
          <FormError error={send.error} placed={[]} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('decisions.breakSilence.back')}
            </Button>
            <Button
              color="red"
              loading={send.isPending}
              onClick={() => send.mutate({ kind, points: targets, text: text.trim() })}
              data-testid="break-silence-confirm-button"
            >
              {t('decisions.breakSilence.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={review} noValidate data-testid="break-silence-form">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('decisions.breakSilence.intro', { state: stateName(ownState ?? '') })}
            </Text>
            <SegmentedControl
              fullWidth
              value={kind}
              onChange={(v) => {
                setKind(v as Kind);
                if (v === 'propose_amendment') choosePoint(point);
                else if (procedure.points.some((p) => p.text === text)) setText('');
              }}
              data={[
                { value: 'object', label: t('decisions.breakSilence.object') },
                { value: 'propose_amendment', label: t('decisions.breakSilence.amend') },
              ]}
              aria-label={t('decisions.breakSilence.kind')}
            />
            {kind === 'object' ? (
              <MultiSelect
                label={t('decisions.breakSilence.points')}
                required
                data={procedure.points.map((p) => ({
                  value: p.key,
                  label: t('decisions.pointN', { key: p.key }),
                }))}
                value={points}
                onChange={setPoints}
                error={errors.points}
              />
            ) : (
              <Select
                label={t('decisions.breakSilence.point')}
                required
                allowDeselect={false}
                data={procedure.points.map((p) => ({
                  value: p.key,
                  label: t('decisions.pointN', { key: p.key }),
                }))}
                value={point}
                onChange={choosePoint}
                error={errors.points}
              />
            )}
            <Textarea
              label={t(`decisions.stanceText.${kind}`)}
              description={
                kind === 'object'
                  ? t('decisions.breakSilence.objectHint', { state: stateName(ownState ?? '') })
                  : t('decisions.breakSilence.amendHint')
              }
              required
              autosize
              minRows={3}
              maxRows={10}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text}
              data-autofocus
            />
            <FormError error={send.error} placed={['text', 'points']} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" data-testid="break-silence-review">
                {t('decisions.breakSilence.review')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
