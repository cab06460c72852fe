import { Alert, Card } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useTimeliness } from './api.ts';
import { ClearancesNav } from './ClearancesNav.tsx';
import { TimelinessChart } from './TimelinessChart.tsx';

/** How fast each state decides, per urgency: median and 90th percentile hours, tacit consents, escalations. */
export function TimelinessPage() {
  const { t } = useTranslation();
  const figures = useTimeliness();
  const missing = figures.error instanceof ApiError && figures.error.status === 404;
  return (
    <>
      <PageHeader
        title={t('clearances.timeliness.title')}
        description={t('clearances.timeliness.description')}
      />
      <ClearancesNav />
      {missing ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('clearances.timeliness.unavailable')}
        </Alert>
      ) : (
        <QueryState query={figures}>
          {(data) => (
            <Card>
              <TimelinessChart rows={data.items} />
            </Card>
          )}
        </QueryState>
      )}
    </>
  );
}
