import { Button, Grid, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { useDecisionList, useUsers } from '../../queries.ts';
import { useMe } from '../../session.tsx';
import { ACCESS_LEVELS } from '../../types.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { CLASSIFICATIONS, type Classification } from './api.ts';
import { useMonitoringNames } from './labels.tsx';
import { type Mission, useCreateMission } from './missionsApi.ts';

/** "lon, lat" a line (or "lon lat"): the outline's points, or the first line that is not one. */
export function parseOutline(text: string): { points: [number, number][] } | { badLine: number } {
  const points: [number, number][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const parts = line.split(/[\s,;]+/).map(Number);
    if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return { badLine: i + 1 };
    points.push([parts[0], parts[1]]);
  }
  return { points };
}

/**
 * Setting up an observation mission (the secretariat's administrators): its name and mandate,
 * the decision that created it, head and members, area (regions, an outline, or both),
 * period and classification.
 */
export function MissionFormModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (m: Mission) => void;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const names = useMonitoringNames();
  const me = useMe();
  const users = useUsers();
  const decisions = useDecisionList({});
  const [name, setName] = useState('');
  const [mandate, setMandate] = useState('');
  const [decision, setDecision] = useState<string | null>(null);
  const [head, setHead] = useState<string | null>(null);
  const [members, setMembers] = useState<string[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [outline, setOutline] = useState('');
  const [period, setPeriod] = useState<[string | null, string | null]>([null, null]);
  const [classification, setClassification] = useState<Classification>('restricted');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const create = useCreateMission((m) => {
    notifySuccess(t('missions.form.created', { reference: m.reference }));
    onCreated(m);
  });
  const errors = { ...fieldPaths(create.error), ...problems };

  const people = (users.data?.items ?? [])
    .filter((u) => !u.disabled && u.role !== 'observer' && u.affiliation !== 'partner')
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  const decisionOptions = (decisions.data?.pages.flatMap((p) => p.items) ?? []).map((d) => ({
    value: d.id,
    label: `${d.label} · ${d.title}`,
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const parsed = parseOutline(outline);
    if (!name.trim()) found.name = t('form.required');
    if (!head) found.head = t('form.required');
    if (!period[0] || !period[1]) found.startsOn = t('missions.form.periodRequired');
    if ('badLine' in parsed) found.area = t('missions.form.badLine', { line: parsed.badLine });
    else if (parsed.points.length > 0 && parsed.points.length < 3) found.area = t('missions.form.fewPoints');
    else if (!regions.length && !parsed.points.length) found.regions = t('missions.form.areaRequired');
    setProblems(found);
    if (Object.keys(found).length || 'badLine' in parsed || !head || !period[0] || !period[1]) return;
    create.mutate({
      name: name.trim(),
      mandate: mandate.trim(),
      mandateDecision: decision,
      head,
      members: members.filter((m) => m !== head),
      regions,
      area: parsed.points.length ? parsed.points : null,
      startsOn: period[0].slice(0, 10),
      endsOn: period[1].slice(0, 10),
      classification,
    });
  };

  return (
    <AppModal opened onClose={onClose} title={t('missions.form.title')} size="xl">
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <form onSubmit={submit} noValidate data-testid="mission-form">
          <Stack gap="sm">
            <FormError
              error={create.error}
              placed={[
                'name',
                'mandate',
                'mandateDecision',
                'head',
                'members',
                'regions',
                'area',
                'startsOn',
                'endsOn',
                'classification',
              ]}
            />
            <TextInput
              label={t('missions.form.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={200}
              data-autofocus
              data-testid="mission-name"
            />
            <Select
              label={t('missions.form.decision')}
              description={t('missions.form.decisionHint')}
              placeholder={t('missions.form.noDecision')}
              data={decisionOptions}
              value={decision}
              onChange={setDecision}
              searchable
              clearable
              error={errors.mandateDecision}
            />
            <Textarea
              label={t('missions.form.mandate')}
              autosize
              minRows={2}
              maxRows={8}
              value={mandate}
              onChange={(e) => setMandate(e.currentTarget.value)}
              error={errors.mandate}
            />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('missions.form.head')}
                  required
                  data={people}
                  value={head}
                  onChange={setHead}
                  searchable
                  error={errors.head}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MultiSelect
                  label={t('missions.form.members')}
                  data={people.filter((p) => p.value !== head)}
                  value={members}
                  onChange={setMembers}
                  searchable
                  clearable
                  error={errors.members}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MultiSelect
                  label={t('missions.form.regions')}
                  data={names.regions.map((r) => ({ value: r.code, label: text(r.name) }))}
                  value={regions}
                  onChange={setRegions}
                  clearable
                  error={errors.regions}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DatePickerInput
                  type="range"
                  label={t('missions.form.period')}
                  required
                  value={period}
                  onChange={setPeriod}
                  allowSingleDateInRange
                  valueFormat="D MMM YYYY"
                  error={errors.startsOn ?? errors.endsOn}
                  data-testid="mission-period"
                />
              </Grid.Col>
            </Grid>
            <Textarea
              label={t('missions.form.outline')}
              description={t('missions.form.outlineHint')}
              placeholder={'69.10, 39.95\n69.60, 40.05\n69.40, 39.70'}
              autosize
              minRows={2}
              maxRows={8}
              value={outline}
              onChange={(e) => setOutline(e.currentTarget.value)}
              error={errors.area}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Select
              label={t('missions.form.classification')}
              data={CLASSIFICATIONS.filter(
                (c) => ACCESS_LEVELS.indexOf(c) <= ACCESS_LEVELS.indexOf(me.accessLevel),
              ).map((c) => ({ value: c, label: t(`levels.${c}`) }))}
              value={classification}
              onChange={(v) => setClassification((v as Classification | null) ?? 'restricted')}
              allowDeselect={false}
              error={errors.classification}
              w={{ base: '100%', sm: 260 }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="mission-submit">
                {t('missions.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </AppModal>
  );
}
