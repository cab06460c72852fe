import {
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import 'dayjs/locale/ru';
import { useTranslation } from 'react-i18next';
import type { Share } from '../../types.ts';
import { PROCEDURE_KINDS } from '../../types.ts';
import { useStateName } from './labels.ts';
import { deadlineBounds, moveWallTime, type ProcedureDraft } from './procedureDraft.ts';
import { useProcedureHorizon, useZones } from './time.ts';

/** "по московскому времени" starts a label as "По московскому времени". */
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function ShareInput({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: Share;
  onChange: (share: Share) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={testId}>
        <NumberInput
          aria-label={t('decisions.form.shareNum', { label })}
          value={value.num}
          onChange={(v) => onChange({ ...value, num: Number(v) || 0 })}
          min={1}
          max={value.den}
          allowDecimal={false}
          w={90}
          error={!!error}
        />
        <Text pt={6} aria-hidden>
          /
        </Text>
        <NumberInput
          aria-label={t('decisions.form.shareDen', { label })}
          value={value.den}
          onChange={(v) => onChange({ ...value, den: Number(v) || 0 })}
          min={1}
          allowDecimal={false}
          w={90}
          error={!!error}
        />
      </Group>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The procedure to open: its kind, deadline, parties concerned, and the rule's thresholds. */
export function ProcedureForm({
  draft,
  onChange,
  members,
  errors,
}: {
  draft: ProcedureDraft;
  onChange: (draft: ProcedureDraft) => void;
  /** The states sitting in the body: the ones who answer. */
  members: string[];
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const zones = useZones();
  const stateName = useStateName();
  const set = <K extends keyof ProcedureDraft>(key: K, value: ProcedureDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const zoneOf = (which: ProcedureDraft['zone']) => (which === 'reference' ? zones.reference : zones.reader);
  // The picker offers only days from now to the organisation's horizon, in the zone shown.
  const horizon = useProcedureHorizon();
  const bounds = deadlineBounds(zoneOf(draft.zone), horizon);

  return (
    <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
      <Stack gap="lg" data-testid="procedure-form">
        <Radio.Group
          label={t('decisions.form.kind')}
          value={draft.kind}
          onChange={(v) => set('kind', v as ProcedureDraft['kind'])}
          required
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
            {PROCEDURE_KINDS.map((kind) => (
              <Radio.Card key={kind} value={kind} p="sm" radius="md" data-testid={`kind-${kind}`}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {t(`decisions.kind.${kind}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`decisions.kindHint.${kind}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>

        {draft.kind !== 'meeting_consensus' ? (
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateTimePicker
                label={t('decisions.form.deadline')}
                description={t('decisions.form.deadlineHint', {
                  zone: zones.zoneName(zoneOf(draft.zone)),
                  count: horizon,
                })}
                required
                value={draft.deadline}
                onChange={(v) => set('deadline', v)}
                valueFormat="DD MMM YYYY, HH:mm"
                minDate={bounds.min}
                maxDate={bounds.max}
                error={errors.deadline}
                data-testid="deadline-picker"
                submitButtonProps={{ 'aria-label': t('decisions.form.deadlineSubmit') }}
              />
              {zones.same ? null : (
                <Radio.Group
                  label={t('decisions.form.zone')}
                  value={draft.zone}
                  onChange={(v) => {
                    const zone = v as ProcedureDraft['zone'];
                    onChange({
                      ...draft,
                      zone,
                      deadline: draft.deadline
                        ? moveWallTime(draft.deadline, zoneOf(draft.zone), zoneOf(zone))
                        : null,
                    });
                  }}
                >
                  <Stack gap="xs" mt="xs">
                    <Radio
                      value="reference"
                      label={capitalise(
                        t('decisions.form.referenceZone', { zone: zones.zoneName(zones.reference) }),
                      )}
                    />
                    <Radio value="reader" label={t('decisions.form.yourZone', { zone: zones.reader })} />
                  </Stack>
                </Radio.Group>
              )}
            </SimpleGrid>
          </Stack>
        ) : null}

        <MultiSelect
          label={t('decisions.form.excluded')}
          description={t('decisions.form.excludedHint')}
          placeholder={draft.excludedParties.length ? undefined : t('decisions.form.excludedNone')}
          data={members.map((code) => ({ value: code, label: stateName(code) }))}
          value={draft.excludedParties}
          onChange={(v) => set('excludedParties', v)}
          clearable
          error={errors.excludedParties}
        />

        {draft.kind === 'written' ? (
          <Paper p="md">
            <Stack gap="sm">
              <Radio.Group
                label={t('decisions.form.missingAnswer')}
                value={draft.missingAnswer}
                onChange={(v) => set('missingAnswer', v as ProcedureDraft['missingAnswer'])}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="blocks" label={t('decisions.form.missingBlocks')} />
                  <Radio value="extend_once" label={t('decisions.form.missingExtend')} />
                </Stack>
              </Radio.Group>
              {draft.missingAnswer === 'extend_once' ? (
                <NumberInput
                  label={t('decisions.form.extensionHours')}
                  value={draft.extensionHours}
                  onChange={(v) => set('extensionHours', Number(v) || 1)}
                  min={1}
                  max={720}
                  allowDecimal={false}
                  w={200}
                  error={errors.extensionHours}
                />
              ) : null}
            </Stack>
          </Paper>
        ) : null}

        {draft.kind === 'qualified_majority' ? (
          <Paper p="md">
            <Stack gap="md">
              <Group gap="xl" align="flex-start">
                <ShareInput
                  label={t('decisions.form.majorityStates')}
                  value={draft.majority}
                  onChange={(v) => set('majority', v)}
                  error={errors.majority}
                  testId="majority-share"
                />
                <Radio.Group
                  label={t('decisions.form.abstention')}
                  value={draft.abstention}
                  onChange={(v) => set('abstention', v as ProcedureDraft['abstention'])}
                >
                  <Stack gap="xs" mt="xs">
                    <Radio value="not_counted" label={t('decisions.form.abstentionNotCounted')} />
                    <Radio value="against" label={t('decisions.form.abstentionAgainst')} />
                  </Stack>
                </Radio.Group>
              </Group>
              <Switch
                label={t('decisions.form.useWeights')}
                description={t('decisions.form.useWeightsHint')}
                checked={draft.useWeights}
                onChange={(e) => set('useWeights', e.currentTarget.checked)}
              />
              {draft.useWeights ? (
                <Stack gap="sm">
                  <Group gap="xl" align="flex-start">
                    <ShareInput
                      label={t('decisions.form.weightShare')}
                      value={draft.weightShare}
                      onChange={(v) => set('weightShare', v)}
                      error={errors.weights}
                    />
                    <NumberInput
                      label={t('decisions.form.blockingMinority')}
                      description={t('decisions.form.blockingMinorityHint')}
                      value={draft.blockingMinority ?? ''}
                      onChange={(v) => set('blockingMinority', v === '' ? null : Number(v))}
                      min={1}
                      max={members.length}
                      allowDecimal={false}
                      w={240}
                    />
                  </Group>
                  <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                    {members.map((code) => (
                      <NumberInput
                        key={code}
                        label={t('decisions.form.weightOf', { state: stateName(code) })}
                        value={draft.weights[code] ?? ''}
                        onChange={(v) => set('weights', { ...draft.weights, [code]: Number(v) || 0 })}
                        min={0}
                        error={errors.byState}
                      />
                    ))}
                  </SimpleGrid>
                </Stack>
              ) : null}
            </Stack>
          </Paper>
        ) : null}

        <Stack gap="sm">
          <Switch
            label={t('decisions.form.useLimit')}
            description={t('decisions.form.useLimitHint')}
            checked={draft.useLimit}
            onChange={(e) => set('useLimit', e.currentTarget.checked)}
          />
          {draft.useLimit ? (
            <ShareInput
              label={t('decisions.form.limit')}
              value={draft.limit}
              onChange={(v) => set('limit', v)}
              error={errors.limit}
            />
          ) : null}
        </Stack>
      </Stack>
    </DatesProvider>
  );
}
