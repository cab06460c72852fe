import { Alert, Button, Card, FileInput, List, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import 'dayjs/locale/ru';
import { IconFileUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
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

/** The reasons per line of a refused import ("lines.12.value"), in line order. */
function lineProblems(error: unknown): { line: number; field: string; reason: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields
    .flatMap((f) => {
      const m = /lines\.(\d+)(?:\.(\w+))?/.exec(f.field);
      return m ? [{ line: Number(m[1]), field: m[2] ?? '', reason: f.reason }] : [];
    })
    .sort((a, b) => a.line - b.line);
}

/** A CSV file of values (`indicator,at,value`), sent with its upload's progress; refused lines are listed. */
export function ImportValuesForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const answer = await importValues(await file.text(), setProgress);
      setResult(answer);
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: ALERT_KEYS.all });
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  };
  const lines = lineProblems(error);
  return (
    <Card p="md" withBorder component="section" aria-label={t('alerts.import.title')}>
      <Text fw={600} size="sm" mb={4}>
        {t('alerts.import.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('alerts.import.hint')}
      </Text>
      <form onSubmit={submit} noValidate data-testid="import-form">
        <Stack gap="sm">
          <FileInput
            label={t('alerts.import.file')}
            placeholder={t('alerts.import.choose')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconFileUpload size={16} aria-hidden />}
            data-testid="import-file"
          />
          {progress !== null ? (
            <Progress
              value={progress * 100}
              animated
              aria-label={t('alerts.import.progress')}
              data-testid="import-progress"
            />
          ) : null}
          {lines.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              title={t('alerts.import.refused', { count: lines.length })}
              data-testid="import-errors"
            >
              <List size="sm">
                {lines.slice(0, 50).map((l) => (
                  <List.Item key={`${l.line}-${l.field}`}>
                    {l.field
                      ? t('alerts.import.line', { line: l.line, field: l.field, reason: l.reason })
                      : t('alerts.import.lineWhole', { line: l.line, reason: l.reason })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <FormError error={error} placed={[]} />
          )}
          {result ? (
            <Alert color="teal" variant="light" data-testid="import-result">
              {t('alerts.import.done', { count: result.lines, replaced: result.replaced })}
            </Alert>
          ) : null}
          <Button
            type="submit"
            variant="default"
            disabled={!file}
            loading={progress !== null}
            data-testid="import-submit"
          >
            {t('alerts.import.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
