import {
  Card,
  Grid,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import {
  CLASSIFICATIONS,
  CREDIBILITIES,
  DIRECTIONS,
  type Direction,
  POINT_PRECISIONS,
  type PointPrecision,
  PROTECTIONS,
  type Protection,
  RELIABILITIES,
  TIME_PRECISIONS,
  type TimePrecision,
} from './api.ts';
import { categoryOptions } from './categories.ts';
import type { ReportDraft } from './draft.ts';
import { useMonitoringNames } from './labels.tsx';
import { MapPanel } from './MapPanel.tsx';

export interface SectionProps {
  draft: ReportDraft;
  set: <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => void;
  /** The server's reasons by dotted field path ("point.latitude"). */
  errors: Record<string, string>;
}

export function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card component="section">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {hint ? (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

const num = (value: string | number) => (value === '' ? '' : Number(value));

/** What happened and when: title, category, time and its precision, description. */
export function WhatSection({ draft, set, errors }: SectionProps) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const names = useMonitoringNames();
  return (
    <Section title={t('monitoring.form.what')}>
      <TextInput
        label={t('monitoring.form.title')}
        description={t('monitoring.form.titleHint')}
        required
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
        maxLength={300}
        data-testid="report-title"
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <Select
          label={t('monitoring.form.category')}
          required
          data={categoryOptions(names.categories, text, t)}
          value={draft.category}
          onChange={(v) => set('category', v)}
          searchable
          maxDropdownHeight={360}
          error={errors.category}
          data-testid="report-category"
        />
        <DateTimePicker
          label={`${t('monitoring.form.occurredAt')} (UTC)`}
          required
          value={draft.occurredAt}
          onChange={(v) => set('occurredAt', v)}
          valueFormat="DD MMM YYYY, HH:mm"
          maxDate={new Date().toISOString().slice(0, 10)}
          error={errors.occurredAt}
          data-testid="report-occurred-at"
          submitButtonProps={{ 'aria-label': t('monitoring.form.pickerDone') }}
        />
        <Select
          label={t('monitoring.form.timePrecision')}
          data={TIME_PRECISIONS.map((p) => ({ value: p, label: t(`monitoring.timePrecision.${p}`) }))}
          value={draft.timePrecision}
          onChange={(v) => set('timePrecision', (v as TimePrecision | null) ?? 'exact')}
          allowDeselect={false}
          error={errors.timePrecision}
          data-testid="report-time-precision"
        />
      </SimpleGrid>
      <Textarea
        label={t('monitoring.form.description')}
        description={t('monitoring.form.descriptionHint')}
        autosize
        minRows={4}
        maxRows={14}
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
        data-testid="report-description"
      />
    </Section>
  );
}

/** Where: the region, the state, the point (picked on the map or typed), the named place. */
export function WhereSection({ draft, set, errors }: SectionProps) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const names = useMonitoringNames();
  const states = useStates();
  const picked =
    draft.latitude !== '' && draft.longitude !== '' ? { lat: draft.latitude, lon: draft.longitude } : null;
  return (
    <Section title={t('monitoring.form.where')} hint={t('monitoring.form.whereHint')}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap={4}>
            <MapPanel
              focus={draft.region ? [draft.region] : []}
              picked={picked}
              onPick={({ lat, lon }) => {
                set('latitude', lat);
                set('longitude', lon);
              }}
              size={[520, 400]}
              title={t('monitoring.form.mapTitle')}
            />
            <Text size="xs" c="dimmed">
              {t('monitoring.form.mapHint')}
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Select
              label={t('monitoring.form.region')}
              description={t('monitoring.form.regionHint')}
              data={names.regions.map((r) => ({ value: r.code, label: text(r.name) }))}
              value={draft.region}
              onChange={(v) => set('region', v)}
              clearable
              error={errors.region}
              data-testid="report-region"
            />
            <Select
              label={t('monitoring.form.state')}
              data={(states.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.name) }))}
              value={draft.state}
              onChange={(v) => set('state', v)}
              clearable
              error={errors.state}
              data-testid="report-state"
            />
            <SimpleGrid cols={2} spacing="sm">
              <NumberInput
                label={t('monitoring.form.latitude')}
                value={draft.latitude}
                onChange={(v) => set('latitude', num(v))}
                min={-90}
                max={90}
                decimalScale={5}
                hideControls
                error={errors['point.latitude'] ?? errors.point}
                data-testid="report-latitude"
              />
              <NumberInput
                label={t('monitoring.form.longitude')}
                value={draft.longitude}
                onChange={(v) => set('longitude', num(v))}
                min={-180}
                max={180}
                decimalScale={5}
                hideControls
                error={errors['point.longitude']}
                data-testid="report-longitude"
              />
            </SimpleGrid>
            <Select
              label={t('monitoring.form.pointPrecision')}
              data={POINT_PRECISIONS.map((p) => ({ value: p, label: t(`monitoring.pointPrecision.${p}`) }))}
              value={draft.pointPrecision}
              onChange={(v) => set('pointPrecision', (v as PointPrecision | null) ?? 'exact')}
              allowDeselect={false}
              error={errors['point.precision']}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('monitoring.form.place')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('monitoring.form.placeHint')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label={t('monitoring.form.distanceKm')}
          value={draft.distanceKm}
          onChange={(v) => set('distanceKm', num(v))}
          min={0}
          decimalScale={1}
          error={errors['place.distanceKm']}
          data-testid="report-distance"
        />
        <Select
          label={t('monitoring.form.direction')}
          data={DIRECTIONS.map((d) => ({
            value: d,
            label: `${t(`monitoring.direction.short.${d}`)} — ${t(`monitoring.direction.long.${d}`)}`,
          }))}
          value={draft.direction}
          onChange={(v) => set('direction', v as Direction | null)}
          clearable
          maxDropdownHeight={320}
          error={errors['place.direction']}
          data-testid="report-direction"
        />
        <TextInput
          label={t('monitoring.form.placeName')}
          value={draft.placeName}
          onChange={(e) => set('placeName', e.currentTarget.value)}
          error={errors['place.name']}
          data-testid="report-place"
        />
      </SimpleGrid>
    </Section>
  );
}

/** Who was involved and what it cost: actors, deaths, injured. */
export function WhoSection({ draft, set, errors }: SectionProps) {
  const { t } = useTranslation();
  const actorError = Object.entries(errors).find(([path]) => path === 'actors' || path.startsWith('actors.'));
  return (
    <Section title={t('monitoring.form.who')}>
      <TagsInput
        label={t('monitoring.form.actors')}
        description={t('monitoring.form.actorsHint')}
        value={draft.actors}
        onChange={(v) => set('actors', v)}
        maxTags={20}
        clearable
        error={actorError?.[1]}
        data-testid="report-actors"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t('monitoring.form.fatalities')}
          description={t('monitoring.form.fatalitiesHint')}
          value={draft.fatalities}
          onChange={(v) => set('fatalities', num(v))}
          min={0}
          allowDecimal={false}
          error={errors.fatalities}
          data-testid="report-fatalities"
        />
        <NumberInput
          label={t('monitoring.form.injured')}
          description={t('monitoring.form.injuredHint')}
          value={draft.injured}
          onChange={(v) => set('injured', num(v))}
          min={0}
          allowDecimal={false}
          error={errors.injured}
          data-testid="report-injured"
        />
      </SimpleGrid>
    </Section>
  );
}

/** The source and its grading on the admiralty scale; the classification and protection. */
export function SourceSection({ draft, set, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('monitoring.form.source')} hint={t('monitoring.form.sourceHint')}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <TextInput
          label={t('monitoring.form.sourceName')}
          value={draft.sourceName}
          onChange={(e) => set('sourceName', e.currentTarget.value)}
          error={errors['source.name']}
          data-testid="report-source-name"
        />
        <Select
          label={t('monitoring.form.reliability')}
          data={RELIABILITIES.map((r) => ({ value: r, label: `${r} — ${t(`monitoring.reliability.${r}`)}` }))}
          value={draft.reliability}
          onChange={(v) => set('reliability', (v as ReportDraft['reliability'] | null) ?? 'F')}
          allowDeselect={false}
          error={errors['source.reliability']}
          data-testid="report-reliability"
        />
        <Select
          label={t('monitoring.form.credibility')}
          data={CREDIBILITIES.map((c) => ({
            value: String(c),
            label: `${c} — ${t(`monitoring.credibility.${c}`)}`,
          }))}
          value={draft.credibility}
          onChange={(v) => set('credibility', v ?? '6')}
          allowDeselect={false}
          error={errors['source.credibility']}
          data-testid="report-credibility"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Select
          label={t('monitoring.form.classification')}
          data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`levels.${c}`) }))}
          value={draft.classification}
          onChange={(v) => set('classification', (v as ReportDraft['classification'] | null) ?? 'restricted')}
          allowDeselect={false}
          error={errors.classification}
          data-testid="report-classification"
        />
        <Select
          label={t('monitoring.form.protection')}
          description={t('monitoring.form.protectionHint')}
          data={[
            { value: 'none', label: t('monitoring.form.noProtection') },
            ...PROTECTIONS.map((p) => ({ value: p, label: t(`levels.${p}`) })),
          ]}
          value={draft.protection ?? 'none'}
          onChange={(v) => set('protection', !v || v === 'none' ? null : (v as Protection))}
          allowDeselect={false}
          error={errors.protection}
          data-testid="report-protection"
        />
      </SimpleGrid>
    </Section>
  );
}
