import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useTimeliness } from './api.ts';
import { ClearancesNav } from './ClearancesNav.tsx';
import { TimelinessChart } from './TimelinessChart.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "5 Dec 2026" for a day `2026-12-05`, read in UTC as the server reads it. */
function dayText(day: string, locale: string) {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * How fast each state decides, per urgency: median and 90th percentile hours, tacit
 * consents, escalations; over the legs opened in a range of days (UTC, the last included),
 * kept in the address so a range can be shared.
 */
export function TimelinessPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const day = (key: string) => {
    const v = params.get(key);
    return v && DAY.test(v) ? v : null;
  };
  const from = day('from');
  const to = day('to');
  const figures = useTimeliness({ from, to });
  const missing = figures.error instanceof ApiError && figures.error.status === 404;
  const setDay = (key: 'from' | 'to', value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value.slice(0, 10));
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const range = t('clearances.timeliness.range', {
    from: from ? dayText(from, i18n.language) : t('clearances.timeliness.since'),
    to: to ? dayText(to, i18n.language) : t('clearances.timeliness.today'),
  });
  return (
    <>
      <PageHeader
        title={t('clearances.timeliness.title')}
        description={t('clearances.timeliness.description')}
      />
      <ClearancesNav />
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <Group align="flex-end" gap="sm" data-testid="timeliness-range">
          <DatePickerInput
            label={t('clearances.timeliness.from')}
            value={from}
            onChange={(v) => setDay('from', v)}
            maxDate={to ?? undefined}
            valueFormat="DD MMM YYYY"
            clearable
            w={200}
            data-testid="timeliness-from"
          />
          <DatePickerInput
            label={t('clearances.timeliness.to')}
            value={to}
            onChange={(v) => setDay('to', v)}
            minDate={from ?? undefined}
            valueFormat="DD MMM YYYY"
            clearable
            w={200}
            data-testid="timeliness-to"
          />
          {from || to ? (
            <Button
              variant="subtle"
              onClick={() =>
                setParams(
                  (old) => {
                    const next = new URLSearchParams(old);
                    next.delete('from');
                    next.delete('to');
                    return next;
                  },
                  { replace: true },
                )
              }
            >
              {t('clearances.timeliness.allTime')}
            </Button>
          ) : null}
        </Group>
      </DatesProvider>
      {missing ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('clearances.timeliness.unavailable')}
        </Alert>
      ) : (
        <QueryState query={figures}>
          {(data) => (
            <Card>
              <Stack gap="sm">
                <Text size="sm" c="dimmed" data-testid="timeliness-range-text">
                  {range}
                </Text>
                <TimelinessChart rows={data.items} />
              </Stack>
            </Card>
          )}
        </QueryState>
      )}
    </>
  );
}
