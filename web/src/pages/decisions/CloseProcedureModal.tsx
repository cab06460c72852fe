import { Button, Group, MultiSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import type { Procedure } from '../../types.ts';
import { useStateName } from './labels.ts';
import { useProcedureMutation } from './mutations.ts';

interface Objection {
  states: string[];
  text: string;
}

/**
 * The chair closes a procedure and the outcome is recorded. At a meeting the chair first
 * names, point by point, the states that objected.
 */
export function CloseProcedureModal({
  procedure,
  opened,
  onClose,
}: {
  procedure: Procedure;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const meeting = procedure.kind === 'meeting_consensus';
  const participants = procedure.board.filter((row) => !row.excluded).map((row) => row.state);
  const [objections, setObjections] = useState<Record<string, Objection>>({});

  const close = () => {
    setObjections({});
    closing.reset();
    onClose();
  };

  const closing = useProcedureMutation(
    (body: BodyOf<'/api/procedures/{id}/close', 'post'>) =>
      ok(client.POST('/api/procedures/{id}/close', { params: { path: { id: procedure.id } }, body })),
    () => t('decisions.close.done'),
    close,
  );

  const set = (point: string, change: Partial<Objection>) =>
    setObjections((o) => ({ ...o, [point]: { ...(o[point] ?? { states: [], text: '' }), ...change } }));

  const submit = () =>
    closing.mutate({
      objections: Object.entries(objections)
        .filter(([, o]) => o.states.length > 0)
        .map(([point, o]) => ({
          point,
          states: o.states,
          ...(o.text.trim() ? { text: o.text.trim() } : {}),
        })),
    });

  return (
    <AppModal opened={opened} onClose={close} size={meeting ? 'lg' : 'md'} title={t('decisions.close.title')}>
      <Stack gap="md">
        <Text size="sm">{meeting ? t('decisions.close.meetingIntro') : t('decisions.close.intro')}</Text>
        {meeting
          ? procedure.points.map((p) => (
              <Paper key={p.key} p="sm">
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('decisions.pointN', { key: p.key })}
                  </Text>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {p.text}
                  </Text>
                  <MultiSelect
                    label={t('decisions.close.objecting')}
                    placeholder={t('decisions.close.none')}
                    data={participants.map((code) => ({ value: code, label: stateName(code) }))}
                    value={objections[p.key]?.states ?? []}
                    onChange={(states) => set(p.key, { states })}
                    clearable
                  />
                  {(objections[p.key]?.states.length ?? 0) > 0 ? (
                    <Textarea
                      label={t('decisions.close.note')}
                      autosize
                      minRows={2}
                      value={objections[p.key]?.text ?? ''}
                      onChange={(e) => set(p.key, { text: e.currentTarget.value })}
                    />
                  ) : null}
                </Stack>
              </Paper>
            ))
          : null}
        <FormError error={closing.error} placed={[]} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button loading={closing.isPending} onClick={submit} data-testid="close-confirm">
            {t('decisions.close.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
