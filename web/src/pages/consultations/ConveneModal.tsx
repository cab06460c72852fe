import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppModal } from '../../components/AppModal.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { useOrganisation, useStates, useUsers } from '../../queries.ts';
import { useMe } from '../../session.tsx';
import type { Classification } from '../../types.ts';
import { useAlerts } from '../alerts/api.ts';
import { useScale } from '../alerts/labels.tsx';
import { useConvene } from './api.ts';
import {
  type AlertSeed,
  addLine,
  type ConveneDraft,
  checkDraft,
  classificationsUpTo,
  conveneBody,
  facilitatorCandidates,
  linkAlert,
  newDraft,
  problemFor,
  problemsOf,
  staffCandidates,
} from './helpers.ts';
import { StepError } from './parts.tsx';

const PLACED = [
  'title',
  'purpose',
  'participants',
  'facilitator',
  'staff',
  'classification',
  'alert',
  'region',
  'agenda',
];

/**
 * Convening a consultation: its title and purpose, the member states concerned (two or more),
 * the facilitator who chairs it, secretariat staff taking part, its classification, the alert
 * it answers and its agenda. From an alert's page it comes prefilled with the alert's states,
 * region and title. Shown while mounted: the page mounts it to open it, so each opening starts afresh.
 */
export function ConveneModal({ onClose, seed = null }: { onClose: () => void; seed?: AlertSeed | null }) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const navigate = useNavigate();
  const me = useMe();
  const scale = useScale();
  const states = useStates();
  const users = useUsers();
  const organisation = useOrganisation();
  const alerts = useAlerts({ status: 'active', region: null, level: null }, 200);
  const [draft, setDraft] = useState<ConveneDraft>(() => newDraft(me.accessLevel, { alert: seed }));
  const [tried, setTried] = useState(false);
  const convene = useConvene((consultation) => {
    notifySuccess(t('consultations.convene.done', { reference: consultation.reference }));
    onClose();
    void navigate(`/consultations/${consultation.id}`);
  });

  const presidency = organisation.data?.presidency?.state.code ?? null;
  const people = users.data?.items ?? [];
  const eligible = facilitatorCandidates(people, presidency, draft.classification);
  // The person facilitates unless someone else is chosen, when they may.
  const facilitator = draft.facilitator ?? eligible.find((u) => u.id === me.id)?.id ?? null;
  // One chosen before the classification rose stays shown: the server names the problem under it.
  const chosen = people.find((u) => u.id === facilitator && !eligible.includes(u));
  const candidates = chosen ? [...eligible, chosen] : eligible;
  const current = { ...draft, facilitator };
  const staff = staffCandidates(people, draft.classification, facilitator ? [facilitator, me.id] : [me.id]);
  // The open alerts, and the one it was opened from (a closed one, say) if it is not among them.
  const open: AlertSeed[] = alerts.data?.items ?? [];
  const alertSeeds = seed && !open.some((a) => a.reference === seed.reference) ? [seed, ...open] : open;

  const local = tried ? checkDraft(current) : {};
  const problems = problemsOf(convene.error);
  const errorOf = (field: keyof ConveneDraft) => {
    const problem = local[field];
    if (problem === 'required') return t('form.required');
    if (problem === 'twoStates') return t('consultations.convene.twoStates');
    return problemFor(problems, field);
  };
  const set = <K extends keyof ConveneDraft>(key: K, value: ConveneDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setItem = (i: number, value: string) =>
    setDraft((d) => ({
      ...d,
      agenda: d.agenda.map((line, j) => (j === i ? { ...line, text: value } : line)),
    }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(checkDraft(current)).length > 0) return;
    convene.mutate(conveneBody(current));
  };

  return (
    <AppModal opened onClose={onClose} title={t('consultations.convene.title')} size="xl">
      <form onSubmit={submit} noValidate data-testid="convene-form">
        <Stack gap="md">
          <Alert color="indigo" variant="light" icon={<IconLock aria-hidden />} p="xs">
            <Text size="sm">{t('consultations.convene.confidential')}</Text>
          </Alert>
          <StepError error={convene.error} placed={PLACED} />
          <TextInput
            label={t('consultations.fields.title')}
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorOf('title')}
            maxLength={300}
            data-testid="convene-title"
            data-autofocus
          />
          <Textarea
            label={t('consultations.fields.purpose')}
            description={t('consultations.convene.purposeHint')}
            autosize
            minRows={2}
            maxRows={8}
            value={draft.purpose}
            onChange={(e) => set('purpose', e.currentTarget.value)}
            error={errorOf('purpose')}
            data-testid="convene-purpose"
          />
          <MultiSelect
            label={t('consultations.fields.states')}
            description={t('consultations.convene.statesHint')}
            required
            searchable
            data={(states.data?.items ?? []).map((s) => ({
              value: s.code,
              label: `${text(s.name)} (${s.code})`,
            }))}
            value={draft.participants}
            onChange={(v) => set('participants', v)}
            error={errorOf('participants')}
            data-testid="convene-states"
          />
          <Group grow align="flex-start">
            <Select
              label={t('consultations.fields.facilitator')}
              description={t('consultations.convene.facilitatorHint')}
              required
              searchable
              allowDeselect={false}
              data={candidates.map((u) => ({ value: u.id, label: u.displayName }))}
              value={facilitator}
              onChange={(v) => set('facilitator', v)}
              error={errorOf('facilitator')}
              nothingFoundMessage={t('common.nothingFound')}
              data-testid="convene-facilitator"
            />
            <Select
              label={t('consultations.fields.classification')}
              description={t('consultations.convene.classificationHint')}
              required
              allowDeselect={false}
              data={classificationsUpTo(me.accessLevel).map((l) => ({ value: l, label: t(`levels.${l}`) }))}
              value={draft.classification}
              onChange={(v) => v && set('classification', v as Classification)}
              error={errorOf('classification')}
              data-testid="convene-classification"
            />
          </Group>
          <MultiSelect
            label={t('consultations.fields.staff')}
            description={t('consultations.convene.staffHint')}
            searchable
            data={staff.map((u) => ({ value: u.id, label: u.displayName }))}
            value={draft.staff.filter((id) => id !== facilitator)}
            onChange={(v) => set('staff', v)}
            error={errorOf('staff')}
            nothingFoundMessage={t('common.nothingFound')}
            data-testid="convene-staff"
          />
          <Select
            label={t('consultations.fields.alert')}
            description={
              draft.region
                ? t('consultations.convene.alertRegion', { region: scale.region(draft.region) })
                : t('consultations.convene.alertHint')
            }
            clearable
            searchable
            data={alertSeeds.map((a) => ({ value: a.reference, label: `${a.reference} · ${a.title}` }))}
            value={draft.alert}
            onChange={(v) => setDraft((d) => linkAlert(d, alertSeeds.find((a) => a.reference === v) ?? null))}
            error={errorOf('alert') ?? errorOf('region')}
            nothingFoundMessage={t('consultations.convene.noAlerts')}
            data-testid="convene-alert"
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('consultations.fields.agenda')}
            </Text>
            {draft.agenda.map((line, i) => (
              <Group key={line.key} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={24} ta="right" pt={6}>
                  {i + 1}.
                </Text>
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('consultations.convene.agendaItem', { n: i + 1 })}
                  value={line.text}
                  onChange={(e) => setItem(i, e.currentTarget.value)}
                  error={problemFor(problems, `agenda.${i}`)}
                  maxLength={2000}
                  data-testid="convene-agenda-item"
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  onClick={() =>
                    set(
                      'agenda',
                      draft.agenda.filter((_, j) => j !== i),
                    )
                  }
                  aria-label={t('consultations.convene.removeItem', { n: i + 1 })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => set('agenda', addLine(draft.agenda))}
              style={{ alignSelf: 'flex-start' }}
              data-testid="convene-add-item"
            >
              {t('consultations.convene.addItem')}
            </Button>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={convene.isPending} data-testid="convene-submit">
              {t('consultations.convene.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
