import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, client, ok } from '../../api/client.ts';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { useBodies } from '../../queries.ts';
import type { Classification, Proposal } from '../../types.ts';
import { CLASSIFICATIONS } from '../../types.ts';
import { useBodyName, usePriorities } from './labels.ts';
import { MarkdownText } from './Markdown.tsx';
import { fieldPaths, useProposalMutation, useRefreshDecisions } from './mutations.ts';
import { ProcedureForm } from './ProcedureForm.tsx';
import {
  draftDeadline,
  draftErrors,
  draftRule,
  emptyProcedureDraft,
  type ProcedureDraft,
  toInput,
} from './procedureDraft.ts';
import { useRuleSentence } from './rule.ts';
import { useProcedureHorizon, useZones } from './time.ts';

interface ProposalDraft {
  body: string | null;
  title: string;
  text: string;
  classification: Classification;
  priority: string | null;
  points: { id: number; text: string }[];
}

let nextId = 1;
const point = (text = '') => ({ id: nextId++, text });

function fromProposal(p: Proposal | undefined): ProposalDraft {
  if (!p) {
    return { body: null, title: '', text: '', classification: 'public', priority: null, points: [point()] };
  }
  return {
    body: p.body,
    title: p.title,
    text: p.text,
    classification: p.classification,
    priority: p.priority,
    points: p.points.map((x) => point(x.text)),
  };
}

/** The points as the API takes them, numbered 1, 2, 3… in the order shown. */
const pointsInput = (d: ProposalDraft) =>
  d.points.map((p, i) => ({ key: String(i + 1), text: p.text.trim() }));

/** Only what changed, for a PATCH; null when nothing did. */
function changes(d: ProposalDraft, p: Proposal) {
  const out: Record<string, unknown> = {};
  if (d.title.trim() !== p.title) out.title = d.title.trim();
  if (d.text !== p.text) out.text = d.text;
  if (d.classification !== p.classification) out.classification = d.classification;
  if (d.priority !== p.priority) out.priority = d.priority;
  const points = pointsInput(d);
  if (JSON.stringify(points) !== JSON.stringify(p.points.map((x) => ({ key: x.key, text: x.text }))))
    out.points = points;
  return Object.keys(out).length ? out : null;
}

const STEP_FIELDS = [['body', 'title', 'text', 'classification', 'priority'], ['points']];

/**
 * Writing a proposal and opening a procedure on it, step by step: the text, the points,
 * the procedure (for the chair), and a review that explains the rule in one sentence
 * before it opens. Saving the points drafts the proposal (or makes a new version).
 */
export function ProposalWizard({ proposal: initial, start = 0 }: { proposal?: Proposal; start?: number }) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const navigate = useNavigate();
  const bodies = useBodies();
  const bodyName = useBodyName();
  const priorities = usePriorities();
  const zones = useZones();
  const ruleSentence = useRuleSentence();
  const refresh = useRefreshDecisions();
  const [active, setActive] = useState(start);
  // On narrow screens the step names alone fit on one line.
  const wide = useMediaQuery('(min-width: 62em)', true);
  const hint = (key: string) => (wide ? t(`decisions.wizard.steps.${key}`) : undefined);
  const [draft, setDraft] = useState<ProposalDraft>(() => fromProposal(initial));
  const [saved, setSaved] = useState<Proposal | undefined>(initial);
  const [procedure, setProcedure] = useState<ProcedureDraft>(() => emptyProcedureDraft(zones.reference));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const set = <K extends keyof ProposalDraft>(key: K, value: ProposalDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = useProposalMutation((d: ProposalDraft) => {
    if (!saved) {
      return ok(
        client.POST('/api/proposals', {
          body: {
            body: d.body ?? '',
            title: d.title.trim(),
            text: d.text,
            classification: d.classification,
            ...(d.priority ? { priority: d.priority } : {}),
            points: pointsInput(d),
          },
        }),
      );
    }
    const patch = changes(d, saved);
    return patch
      ? ok(client.PATCH('/api/proposals/{id}', { params: { path: { id: saved.id } }, body: patch }))
      : Promise.resolve({ proposal: saved });
  });

  const members = bodies.data?.items.find((b) => b.code === (saved?.body ?? draft.body))?.members ?? [];
  const deadline = draftDeadline(procedure, zones);
  const horizon = useProcedureHorizon();
  const rule = draftRule(procedure, members);

  const open = useMutation({
    mutationFn: (id: string) =>
      ok(
        client.POST('/api/proposals/{id}/procedures', {
          params: { path: { id } },
          body: toInput(procedure, deadline, members),
        }),
      ),
    onSuccess: ({ procedure: opened }) => {
      refresh();
      notifySuccess(t('decisions.wizard.opened'));
      void navigate(`/proposals/${opened.proposal.id}`);
    },
  });

  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const pointErrors = fieldPaths(save.error);
  const errors = { ...serverErrors, ...checked };
  const procedureErrors = { ...(open.error instanceof ApiError ? open.error.fieldErrors() : {}), ...checked };

  const checkText = () => {
    const found: Record<string, string> = {};
    if (!draft.body) found.body = t('form.required');
    if (!draft.title.trim()) found.title = t('form.required');
    return found;
  };
  const checkPoints = () => {
    const found: Record<string, string> = {};
    draft.points.forEach((p, i) => {
      if (!p.text.trim()) found[`point${i}`] = t('form.required');
    });
    if (draft.points.length === 0) found.points = t('decisions.wizard.atLeastOnePoint');
    return found;
  };

  const next = () => {
    if (active === 0) {
      const found = checkText();
      setChecked(found);
      if (Object.keys(found).length === 0) setActive(1);
      return;
    }
    if (active === 1) {
      const found = { ...checkText(), ...checkPoints() };
      setChecked(found);
      if (Object.keys(found).length > 0) {
        if (found.body || found.title) setActive(0);
        return;
      }
      save.mutate(draft, {
        onSuccess: ({ proposal }) => {
          setSaved(proposal);
          setDraft(fromProposal(proposal));
          notifySuccess(
            t(saved ? 'decisions.wizard.savedVersion' : 'decisions.wizard.drafted', {
              version: proposal.latestVersion,
            }),
          );
          setActive(2);
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fieldErrors() : {};
          if (STEP_FIELDS[0].some((f) => fields[f])) setActive(0);
        },
      });
      return;
    }
    if (active === 2) {
      const found = draftErrors(
        procedure,
        deadline,
        {
          required: t('form.required'),
          past: t('decisions.form.deadlinePast'),
          beyond: t('decisions.form.deadlineBeyond', { count: horizon }),
          share: t('decisions.form.shareInvalid'),
          excludedAll: t('decisions.form.excludedAll'),
        },
        { maxHorizonDays: horizon, members },
      );
      setChecked(found);
      if (Object.keys(found).length === 0) setActive(3);
    }
  };

  const canOpen = saved?.abilities.openProcedure ?? false;
  const classificationOptions = CLASSIFICATIONS.map((c) => ({ value: c, label: t(`levels.${c}`) }));

  return (
    <Card data-testid="proposal-wizard">
      <Stepper active={active} onStepClick={(step) => step < active && setActive(step)} size="sm">
        <Stepper.Step label={t('decisions.wizard.steps.text')} description={hint('textHint')}>
          <Stack gap="md" mt="md">
            <FormError error={save.error} placed={[...STEP_FIELDS[0], 'points', 'text']} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('decisions.wizard.body')}
                required
                searchable
                disabled={!!saved}
                data={(bodies.data?.items ?? []).map((b) => ({ value: b.code, label: text(b.name) }))}
                value={draft.body}
                onChange={(v) => set('body', v)}
                error={errors.body}
                nothingFoundMessage={t('common.nothingFound')}
                data-testid="wizard-body"
              />
              <Select
                label={t('decisions.wizard.classification')}
                required
                allowDeselect={false}
                data={classificationOptions}
                value={draft.classification}
                onChange={(v) => v && set('classification', v as Classification)}
                error={errors.classification}
              />
            </SimpleGrid>
            <TextInput
              label={t('decisions.wizard.title')}
              required
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errors.title}
              maxLength={300}
              data-testid="wizard-title"
            />
            <Select
              label={t('decisions.wizard.priority')}
              placeholder={t('decisions.wizard.noPriority')}
              data={priorities.options}
              value={draft.priority}
              onChange={(v) => set('priority', v)}
              clearable
              error={errors.priority}
            />
            <Tabs defaultValue="write" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="write">{t('decisions.wizard.write')}</Tabs.Tab>
                <Tabs.Tab value="preview">{t('decisions.wizard.preview')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="write" pt="sm">
                <Textarea
                  label={t('decisions.wizard.text')}
                  description={t('decisions.wizard.textHint')}
                  autosize
                  minRows={6}
                  maxRows={20}
                  value={draft.text}
                  onChange={(e) => set('text', e.currentTarget.value)}
                  error={serverErrors.text}
                  data-testid="wizard-text"
                />
              </Tabs.Panel>
              <Tabs.Panel value="preview" pt="sm">
                <Paper p="md" mih={120}>
                  {draft.text.trim() ? (
                    <MarkdownText source={draft.text} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('decisions.wizard.nothingToPreview')}
                    </Text>
                  )}
                </Paper>
              </Tabs.Panel>
            </Tabs>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('decisions.wizard.steps.points')} description={hint('pointsHint')}>
          <Stack gap="md" mt="md">
            <Text size="sm" c="dimmed">
              {t('decisions.wizard.pointsIntro')}
            </Text>
            <FormError error={save.error} placed={[...STEP_FIELDS[0], 'text']} />
            {draft.points.map((p, i) => (
              <Group key={p.id} align="flex-start" gap="sm" wrap="nowrap">
                <Textarea
                  label={t('decisions.pointN', { key: i + 1 })}
                  required
                  autosize
                  minRows={2}
                  maxRows={8}
                  style={{ flex: 1 }}
                  value={p.text}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    set(
                      'points',
                      draft.points.map((x) => (x.id === p.id ? { ...x, text: value } : x)),
                    );
                  }}
                  error={checked[`point${i}`] ?? pointErrors[`points.${i}.text`]}
                  data-testid={`wizard-point-${i + 1}`}
                />
                <Stack gap={4} pt={26}>
                  <ActionIcon
                    variant="default"
                    aria-label={t('decisions.wizard.moveUp', { n: i + 1 })}
                    disabled={i === 0}
                    onClick={() => {
                      const points = [...draft.points];
                      [points[i - 1], points[i]] = [points[i], points[i - 1]];
                      set('points', points);
                    }}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={t('decisions.wizard.moveDown', { n: i + 1 })}
                    disabled={i === draft.points.length - 1}
                    onClick={() => {
                      const points = [...draft.points];
                      [points[i + 1], points[i]] = [points[i], points[i + 1]];
                      set('points', points);
                    }}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    color="red"
                    aria-label={t('decisions.wizard.removePoint', { n: i + 1 })}
                    disabled={draft.points.length === 1}
                    onClick={() =>
                      set(
                        'points',
                        draft.points.filter((x) => x.id !== p.id),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Stack>
              </Group>
            ))}
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => set('points', [...draft.points, point()])}
              style={{ alignSelf: 'flex-start' }}
              data-testid="wizard-add-point"
            >
              {t('decisions.wizard.addPoint')}
            </Button>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('decisions.wizard.steps.procedure')} description={hint('procedureHint')}>
          <Stack gap="md" mt="md">
            {saved && !canOpen ? (
              <Alert variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="wizard-draft-only">
                {t('decisions.wizard.draftOnly', { version: saved.latestVersion })}
              </Alert>
            ) : (
              <ProcedureForm
                draft={procedure}
                onChange={setProcedure}
                members={members}
                errors={procedureErrors}
              />
            )}
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('decisions.wizard.steps.review')} description={hint('reviewHint')}>
          <Stack gap="md" mt="md">
            <Stack gap={2}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
                {saved ? bodyName(saved.body) : ''}
              </Text>
              <Title order={2} fz="lg">
                {saved?.title}
              </Title>
              <Text size="sm" c="dimmed">
                {t('decisions.wizard.reviewPoints', {
                  count: saved?.points.length ?? 0,
                  version: saved?.latestVersion ?? 1,
                })}
              </Text>
            </Stack>
            <Paper p="md" bg="navy.0">
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }}>
                  {t(`decisions.kind.${procedure.kind}`)}
                </Text>
                <Text fw={500} data-testid="wizard-rule-sentence">
                  {ruleSentence(
                    rule,
                    deadline,
                    procedure.missingAnswer === 'extend_once' ? procedure.extensionHours : null,
                  )}
                </Text>
              </Stack>
            </Paper>
            <Text size="sm" c="dimmed">
              {t('decisions.wizard.frozen')}
            </Text>
            <FormError error={open.error} placed={[]} />
          </Stack>
        </Stepper.Step>
      </Stepper>

      <Group justify="space-between" mt="xl" gap="sm">
        <Button
          variant="default"
          onClick={() =>
            active === 0 || (initial && active === start) ? navigate(-1) : setActive(active - 1)
          }
        >
          {active === 0 || (initial && active === start) ? t('common.cancel') : t('decisions.wizard.back')}
        </Button>
        <Group gap="sm">
          {saved && active >= 2 ? (
            <Button
              variant="default"
              onClick={() => navigate(`/proposals/${saved.id}`)}
              data-testid="wizard-leave-draft"
            >
              {t('decisions.wizard.leaveDraft')}
            </Button>
          ) : null}
          {active < 2 ? (
            <Button onClick={next} loading={save.isPending} data-testid="wizard-next">
              {active === 1
                ? saved
                  ? t('decisions.wizard.saveVersion')
                  : t('decisions.wizard.saveDraft')
                : t('decisions.wizard.next')}
            </Button>
          ) : active === 2 && canOpen ? (
            <Button onClick={next} data-testid="wizard-next">
              {t('decisions.wizard.next')}
            </Button>
          ) : active === 3 && saved ? (
            <Button onClick={() => open.mutate(saved.id)} loading={open.isPending} data-testid="wizard-open">
              {t('decisions.wizard.open')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Card>
  );
}
