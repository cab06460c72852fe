import { Button, Divider, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import type { Procedure, StanceKind } from '../../types.ts';
import { STANCE_KINDS, STANCES_WITH_TEXT } from '../../types.ts';
import { useStateName } from './labels.ts';
import { fieldPaths, useProcedureMutation } from './mutations.ts';

interface Choice {
  kind: StanceKind | null;
  text: string;
}

/** The kinds offered: under a silence procedure, breaking it has its own confirmed action. */
function offeredKinds(procedure: Procedure): StanceKind[] {
  if (procedure.kind !== 'silence') return STANCE_KINDS;
  return STANCE_KINDS.filter((k) => k !== 'object' && k !== 'propose_amendment');
}

/**
 * Gives or changes a state's stance point by point: a kind per point and, for an
 * objection, amendment, declaration, reservation or statement, its required text. The
 * chair recording at a meeting picks the state first.
 */
export function StanceModal({
  procedure,
  opened,
  onClose,
  ownState,
  forOthers,
}: {
  procedure: Procedure;
  opened: boolean;
  onClose: () => void;
  ownState: string | null;
  /** The chair records for the states at a meeting. */
  forOthers: boolean;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const participants = procedure.board.filter((row) => !row.excluded).map((row) => row.state);
  const defaultState = ownState && participants.includes(ownState) ? ownState : (participants[0] ?? null);
  const [state, setState] = useState<string | null>(forOthers ? defaultState : ownState);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [checked, setChecked] = useState<Record<string, string>>({});
  const kinds = offeredKinds(procedure);
  const kindOptions = kinds.map((k) => ({ value: k, label: t(`decisions.stance.${k}`) }));

  const current = (point: string) =>
    procedure.board.find((row) => row.state === state)?.points.find((p) => p.point === point)?.stance ?? null;

  const close = () => {
    setChoices({});
    setChecked({});
    give.reset();
    onClose();
  };

  const give = useProcedureMutation(
    (body: BodyOf<'/api/procedures/{id}/stances', 'post'>) =>
      ok(client.POST('/api/procedures/{id}/stances', { params: { path: { id: procedure.id } }, body })),
    () => t('decisions.stanceForm.saved', { state: stateName(state ?? '') }),
    close,
  );

  const set = (point: string, change: Partial<Choice>) =>
    setChoices((c) => ({ ...c, [point]: { ...(c[point] ?? { kind: null, text: '' }), ...change } }));
  const setAll = (kind: StanceKind | null) => {
    if (!kind) return;
    setChoices((c) =>
      Object.fromEntries(procedure.points.map((p) => [p.key, { text: c[p.key]?.text ?? '', kind }])),
    );
  };

  const chosen = procedure.points
    .map((p) => ({ point: p.key, ...choices[p.key] }))
    .filter((c): c is { point: string; kind: StanceKind; text: string } => !!c.kind);

  // The server names problems by their place in the list sent; put them back on their points.
  const serverPaths = fieldPaths(give.error);
  const serverErrors: Record<string, string> = {};
  for (const [path, reason] of Object.entries(serverPaths)) {
    const match = /^stances\.(\d+)\.(\w+)$/.exec(path);
    const sent = match ? give.variables?.stances[Number(match[1])] : undefined;
    if (sent) serverErrors[`${sent.point}.${match?.[2]}`] = reason;
  }
  const errors = { ...serverErrors, ...checked };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (chosen.length === 0) found.none = t('decisions.stanceForm.chooseOne');
    for (const c of chosen) {
      if (STANCES_WITH_TEXT.includes(c.kind) && !c.text.trim()) found[`${c.point}.text`] = t('form.required');
    }
    if (forOthers && !state) found.state = t('form.required');
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    give.mutate({
      ...(forOthers && state ? { state } : {}),
      stances: chosen.map((c) => ({
        point: c.point,
        kind: c.kind,
        ...(STANCES_WITH_TEXT.includes(c.kind) ? { text: c.text.trim() } : {}),
      })),
    });
  };

  return (
    <AppModal
      opened={opened}
      onClose={close}
      size="lg"
      title={
        forOthers
          ? t('decisions.stanceForm.recordTitle')
          : t('decisions.stanceForm.title', { state: stateName(ownState ?? '') })
      }
    >
      <form onSubmit={onSubmit} noValidate data-testid="stance-form">
        <Stack gap="md">
          <FormError error={give.error} placed={['text', 'kind', 'point', 'state']} />
          {forOthers ? (
            <Select
              label={t('decisions.stanceForm.state')}
              required
              allowDeselect={false}
              data={participants.map((code) => ({ value: code, label: stateName(code) }))}
              value={state}
              onChange={(v) => {
                setState(v);
                setChoices({});
              }}
              error={errors.state}
            />
          ) : null}
          {procedure.kind === 'silence' ? (
            <Text size="sm" c="dimmed">
              {t('decisions.stanceForm.silenceHint')}
            </Text>
          ) : null}
          {procedure.points.length > 1 ? (
            <Select
              label={t('decisions.stanceForm.all')}
              placeholder={t('decisions.stanceForm.allPlaceholder')}
              data={kindOptions.filter((o) => !STANCES_WITH_TEXT.includes(o.value))}
              value={null}
              onChange={(v) => setAll(v as StanceKind | null)}
              clearable={false}
            />
          ) : null}
          <Divider />
          {procedure.points.map((p) => {
            const choice = choices[p.key];
            const now = current(p.key);
            const needsText = !!choice?.kind && STANCES_WITH_TEXT.includes(choice.kind);
            return (
              <Paper key={p.key} p="sm" data-testid={`stance-point-${p.key}`}>
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('decisions.pointN', { key: p.key })}
                  </Text>
                  <Text size="sm" c="dimmed" lineClamp={3}>
                    {p.text}
                  </Text>
                  <Select
                    label={t('decisions.stanceForm.kind')}
                    placeholder={t('decisions.stanceForm.keep')}
                    description={
                      now
                        ? t('decisions.stanceForm.current', { stance: t(`decisions.stance.${now.kind}`) })
                        : t('decisions.stanceForm.noCurrent')
                    }
                    data={kindOptions}
                    value={choice?.kind ?? null}
                    onChange={(v) => set(p.key, { kind: (v as StanceKind | null) ?? null })}
                    clearable
                    error={errors[`${p.key}.kind`]}
                  />
                  {needsText && choice.kind ? (
                    <Textarea
                      label={t(`decisions.stanceText.${choice.kind}`)}
                      required
                      autosize
                      minRows={2}
                      maxRows={8}
                      value={choice.text}
                      onChange={(e) => set(p.key, { text: e.currentTarget.value })}
                      error={errors[`${p.key}.text`]}
                    />
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
          {errors.none ? (
            <Text size="sm" c="red" role="alert">
              {errors.none}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={give.isPending} data-testid="stance-submit">
              {t('decisions.stanceForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
