import { Button, Grid, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { useUsers } from '../../queries.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { useMonitoringNames } from './labels.tsx';
import { type ChangeMissionBody, type Mission, useChangeMission } from './missionsApi.ts';

const PLACED = ['name', 'mandate', 'head', 'regions', 'startsOn', 'endsOn', 'reason'];

/**
 * Changing a mission (an administrator): its name, mandate, head, regions or period, with the
 * reason the record keeps. Only what was changed is sent; the server checks the mission whole.
 */
export function ChangeMissionModal({ mission: m, onClose }: { mission: Mission; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const names = useMonitoringNames();
  const users = useUsers();
  const [name, setName] = useState(m.name);
  const [mandate, setMandate] = useState(m.mandate);
  const [head, setHead] = useState<string | null>(m.head.id);
  const [regions, setRegions] = useState<string[]>(m.regions);
  const [period, setPeriod] = useState<[string | null, string | null]>([m.from, m.to]);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const change = useChangeMission(m.id, () => {
    notifySuccess(t('missions.change.done', { reference: m.reference }));
    onClose();
  });
  const errors = { ...fieldPaths(change.error), ...problems };
  const people = (users.data?.items ?? [])
    .filter((u) => !u.disabled && u.role !== 'observer' && u.affiliation !== 'partner')
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  if (!people.some((p) => p.value === m.head.id)) people.unshift({ value: m.head.id, label: m.head.name });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Partial<ChangeMissionBody> = {};
    if (name.trim() !== m.name) body.name = name.trim();
    if (mandate.trim() !== m.mandate) body.mandate = mandate.trim();
    if (head && head !== m.head.id) body.head = head;
    if (regions.join() !== m.regions.join()) body.regions = regions;
    const [from, to] = [period[0]?.slice(0, 10), period[1]?.slice(0, 10)];
    if (from && from !== m.from) body.startsOn = from;
    if (to && to !== m.to) body.endsOn = to;
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('form.required');
    if (!reason.trim()) found.reason = t('form.required');
    if (Object.keys(body).length === 0) found.name = t('missions.change.nothing');
    setProblems(found);
    if (Object.keys(found).length) return;
    change.mutate({ ...body, reason: reason.trim() } as ChangeMissionBody);
  };

  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('missions.change.title', { reference: m.reference })}
      size="xl"
    >
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <form onSubmit={submit} noValidate data-testid="mission-change-form">
          <Stack gap="sm">
            <FormError error={change.error} placed={PLACED} />
            <TextInput
              label={t('missions.form.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={200}
              data-testid="mission-change-name"
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
                  allowDeselect={false}
                  error={errors.head}
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
              <Grid.Col span={12}>
                <DatePickerInput
                  type="range"
                  label={t('missions.form.period')}
                  description={t('missions.change.periodHint')}
                  required
                  value={period}
                  onChange={setPeriod}
                  allowSingleDateInRange
                  valueFormat="D MMM YYYY"
                  error={errors.startsOn ?? errors.endsOn}
                  data-testid="mission-change-period"
                />
              </Grid.Col>
            </Grid>
            <Textarea
              label={t('missions.change.reason')}
              description={t('missions.change.reasonHint')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setProblems(({ reason: _, ...rest }) => rest);
              }}
              error={errors.reason}
              data-testid="mission-change-reason"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending} data-testid="mission-change-submit">
                {t('missions.change.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </AppModal>
  );
}
