import { Button, Card, NumberInput, Stack, Text } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import 'dayjs/locale/ru';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvImportForm } from '../../components/CsvImportForm.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { ALERT_KEYS, type ImportResult, importValues, useEnterValue } from './api.ts';
import { useScale } from './labels.tsx';

/** One value of an entered indicator, at a chosen moment (now, when left empty). */
export function EnterValueForm({ code, unit }: { code: string; unit: string }) {
  const { t, i18n } = useTranslation();
  const scale = useScale();
  const [value, setValue] = useState<string | number>('');
  const [at, setAt] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const enter = useEnterValue(code);
  const problems = fieldPaths(enter.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = value === '' || Number.isNaN(Number(value));
    setMissing(empty);
    if (empty) return;
    const when = at ? new Date(at.replace(' ', 'T')).toISOString() : new Date().toISOString();
    enter.mutate(
      { at: when, value: Number(value) },
      {
        onSuccess: (answer) => {
          const change = answer.level;
          notifySuccess(
            change && change.change !== 'same'
              ? t(`alerts.enter.${change.change}`, { level: scale.level(change.to).name })
              : t('alerts.enter.done'),
          );
          setValue('');
          setAt(null);
        },
      },
    );
  };
  return (
    <Card p="md" withBorder component="section" aria-label={t('alerts.enter.title')}>
      <Text fw={600} size="sm" mb="xs">
        {t('alerts.enter.title')}
      </Text>
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <form onSubmit={submit} noValidate data-testid="enter-value-form">
          <Stack gap="sm">
            <FormError error={enter.error} placed={['values.0.value', 'values.0.at']} />
            <NumberInput
              label={t('alerts.enter.value', { unit })}
              value={value}
              onChange={setValue}
              decimalScale={4}
              required
              error={missing ? t('form.required') : problems['values.0.value']}
              data-testid="enter-value"
            />
            <DateTimePicker
              label={t('alerts.enter.at')}
              placeholder={t('alerts.enter.now')}
              value={at}
              onChange={setAt}
              clearable
              valueFormat="D MMM YYYY HH:mm"
              maxDate={new Date()}
              error={problems['values.0.at']}
              data-testid="enter-at"
            />
            <Button type="submit" loading={enter.isPending} data-testid="enter-submit">
              {t('alerts.enter.submit')}
            </Button>
          </Stack>
        </form>
      </DatesProvider>
    </Card>
  );
}

/** A CSV file of values (`indicator,at,value`), sent with its upload's progress; refused lines are listed. */
export function ImportValuesForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <CsvImportForm<ImportResult>
      title={t('alerts.import.title')}
      hint={t('alerts.import.hint')}
      upload={importValues}
      done={(r) => t('alerts.import.done', { count: r.lines, replaced: r.replaced })}
      onImported={() => void queryClient.invalidateQueries({ queryKey: ALERT_KEYS.all })}
    />
  );
}
