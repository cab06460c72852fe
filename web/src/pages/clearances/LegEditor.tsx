import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { CrossingPoint } from './api.ts';
import { type LegDraft, move, nextLeg, utcInstant } from './draft.ts';
import { useStateName, useStateZone, useUtcAndLocal } from './labels.tsx';

/** A UTC date-time picker with the same instant in the leg's state's own time beneath. */
function UtcPicker({
  label,
  value,
  onChange,
  zone,
  error,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  zone: string | null;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const both = useUtcAndLocal();
  const instant = utcInstant(value);
  const local = instant && zone ? both(instant, zone).local : null;
  return (
    <DateTimePicker
      label={`${label} (UTC)`}
      description={local ? t('clearances.form.localTime', { time: local }) : t('clearances.form.utcHint')}
      value={value}
      onChange={onChange}
      valueFormat="DD MMM YYYY, HH:mm"
      error={error}
      clearable
      data-testid={testId}
      submitButtonProps={{ 'aria-label': t('clearances.form.pickerDone') }}
    />
  );
}

/**
 * The itinerary: one leg per state crossed or hosting, in order. Each leg's entry and exit
 * are crossing points of that state; the next leg starts where the last one leaves.
 * `errors` are the server's, by path ("legs.1.entry.point").
 */
export function LegEditor({
  legs,
  onChange,
  points,
  members,
  errors,
}: {
  legs: LegDraft[];
  onChange: (legs: LegDraft[]) => void;
  points: CrossingPoint[];
  members: string[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const stateName = useStateName();
  const zoneOf = useStateZone();
  const set = (index: number, change: Partial<LegDraft>) =>
    onChange(legs.map((leg, i) => (i === index ? { ...leg, ...change } : leg)));
  const pointOptions = (state: string | null) =>
    points
      .filter((p) => !state || p.states.includes(state))
      .map((p) => ({ value: p.code, label: `${text(p.name)} · ${p.code}` }));
  const err = (i: number, path: string) => errors[`legs.${i}.${path}`];

  return (
    <Stack gap="sm" data-testid="leg-editor">
      {legs.map((leg, i) => {
        const zone = zoneOf(leg.state);
        const options = pointOptions(leg.state);
        return (
          <Paper key={leg.key} p="md" data-testid={`leg-${i}`}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-end">
                <Group gap="sm" align="flex-end" wrap="nowrap" style={{ flex: 1 }}>
                  <Badge variant="light" radius="sm" size="lg" mb={4} aria-hidden>
                    {i + 1}
                  </Badge>
                  <Select
                    label={t('clearances.form.legState', { n: i + 1 })}
                    placeholder={t('clearances.form.chooseState')}
                    data={members.map((code) => ({ value: code, label: stateName(code) }))}
                    value={leg.state}
                    onChange={(v) => {
                      // A shared border crossing stays chosen when it belongs to the new state too.
                      const keep = (code: string | null) =>
                        code && points.some((p) => p.code === code && v && p.states.includes(v))
                          ? code
                          : null;
                      set(i, { state: v, entryPoint: keep(leg.entryPoint), exitPoint: keep(leg.exitPoint) });
                    }}
                    allowDeselect={false}
                    required
                    error={err(i, 'state')}
                    style={{ flex: '0 1 280px' }}
                    data-testid={`leg-${i}-state`}
                  />
                </Group>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('clearances.form.moveUp')}>
                    <ActionIcon
                      variant="default"
                      aria-label={t('clearances.form.moveUpN', { n: i + 1 })}
                      disabled={i === 0}
                      onClick={() => onChange(move(legs, i, -1))}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('clearances.form.moveDown')}>
                    <ActionIcon
                      variant="default"
                      aria-label={t('clearances.form.moveDownN', { n: i + 1 })}
                      disabled={i === legs.length - 1}
                      onClick={() => onChange(move(legs, i, 1))}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('clearances.form.removeLeg')}>
                    <ActionIcon
                      variant="default"
                      color="red"
                      aria-label={t('clearances.form.removeLegN', { n: i + 1 })}
                      disabled={legs.length === 1}
                      onClick={() => onChange(legs.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>

              <Text size="sm" fw={600}>
                {t('clearances.form.entry')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                <Select
                  label={t('clearances.form.point')}
                  placeholder={leg.state ? t('clearances.form.choosePoint') : t('clearances.form.stateFirst')}
                  data={options}
                  value={leg.entryPoint}
                  onChange={(v) => set(i, { entryPoint: v })}
                  searchable
                  disabled={!leg.state}
                  nothingFoundMessage={t('common.nothingFound')}
                  error={err(i, 'entry.point') ?? err(i, 'entry')}
                  data-testid={`leg-${i}-entry-point`}
                />
                <UtcPicker
                  label={t('clearances.form.from')}
                  value={leg.entryFrom}
                  onChange={(v) => set(i, { entryFrom: v })}
                  zone={zone}
                  error={err(i, 'entry.window.from') ?? err(i, 'entry.window')}
                  testId={`leg-${i}-entry-from`}
                />
                <UtcPicker
                  label={t('clearances.form.to')}
                  value={leg.entryTo}
                  onChange={(v) => set(i, { entryTo: v })}
                  zone={zone}
                  error={err(i, 'entry.window.to')}
                  testId={`leg-${i}-entry-to`}
                />
              </SimpleGrid>

              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('clearances.form.route')}
                  placeholder={t('clearances.form.routePlaceholder')}
                  value={leg.route}
                  onChange={(e) => set(i, { route: e.currentTarget.value })}
                  error={err(i, 'route')}
                />
                <TextInput
                  label={t('clearances.form.stops')}
                  description={t('clearances.form.stopsHint')}
                  value={leg.stops}
                  onChange={(e) => set(i, { stops: e.currentTarget.value })}
                  error={err(i, 'stops')}
                />
              </SimpleGrid>

              <Checkbox
                label={t('clearances.form.hosts')}
                checked={leg.hosts}
                onChange={(e) => set(i, { hosts: e.currentTarget.checked })}
                data-testid={`leg-${i}-hosts`}
              />
              {leg.hosts ? null : (
                <>
                  <Text size="sm" fw={600}>
                    {t('clearances.form.exit')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                    <Select
                      label={t('clearances.form.point')}
                      placeholder={
                        leg.state ? t('clearances.form.choosePoint') : t('clearances.form.stateFirst')
                      }
                      data={options}
                      value={leg.exitPoint}
                      onChange={(v) => set(i, { exitPoint: v })}
                      searchable
                      disabled={!leg.state}
                      nothingFoundMessage={t('common.nothingFound')}
                      error={err(i, 'exit.point') ?? err(i, 'exit')}
                      data-testid={`leg-${i}-exit-point`}
                    />
                    <UtcPicker
                      label={t('clearances.form.from')}
                      value={leg.exitFrom}
                      onChange={(v) => set(i, { exitFrom: v })}
                      zone={zone}
                      error={err(i, 'exit.window.from') ?? err(i, 'exit.window')}
                      testId={`leg-${i}-exit-from`}
                    />
                    <UtcPicker
                      label={t('clearances.form.to')}
                      value={leg.exitTo}
                      onChange={(v) => set(i, { exitTo: v })}
                      zone={zone}
                      error={err(i, 'exit.window.to')}
                      testId={`leg-${i}-exit-to`}
                    />
                  </SimpleGrid>
                </>
              )}
              {errors[`legs.${i}`] ? (
                <Text size="sm" c="red" role="alert">
                  {errors[`legs.${i}`]}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...legs, nextLeg(legs[legs.length - 1])])}
          data-testid="add-leg"
        >
          {t('clearances.form.addLeg')}
        </Button>
      </Group>
    </Stack>
  );
}
