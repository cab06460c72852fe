import { Card, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AttachmentsCard } from '../../components/AttachmentsCard.tsx';
import { REPORT_KEYS, type Report } from './api.ts';

/**
 * A report's files (photographs, statements): listed and downloaded with the report, added
 * and removed by whoever may correct it; below its protection they are withheld with the source.
 */
export function ReportFiles({ report }: { report: Report }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  if (report.withheld)
    return (
      <Card p="md" data-testid="report-files-withheld">
        <Title order={2} fz="lg" mb="xs">
          {t('monitoring.files.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('monitoring.files.withheld')}
        </Text>
      </Card>
    );
  return (
    <AttachmentsCard
      owner={{ report: report.id }}
      attachments={report.attachments ?? []}
      canChange={report.abilities.attach}
      onChanged={() => void queryClient.invalidateQueries({ queryKey: REPORT_KEYS.one(report.id) })}
      title={t('monitoring.files.title')}
      removeConfirm={(name) => t('monitoring.files.removeConfirm', { name })}
    />
  );
}
