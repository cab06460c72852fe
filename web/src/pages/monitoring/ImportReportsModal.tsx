import { Anchor, Checkbox, Code, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResponseOf } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { CsvImportForm } from '../../components/CsvImportForm.tsx';
import { postWithProgress } from '../../lib/upload.ts';
import { REPORT_KEYS } from './api.ts';

type Imported = ResponseOf<'/api/reports/import', 'post'>;

/** The columns an import takes (src/modules/monitoring/import.ts), required ones first. */
const EXAMPLE = [
  'title,category,occurred_at,latitude,longitude,region,fatalities,injured,source,source_reliability,source_credibility',
  'Shots at the Kok-Tash post,armed-clash,2026-11-30T14:20:00Z,39.93,70.61,kg-tj-border,0,2,Border service,B,2',
].join('\n');

/**
 * Reports from a CSV file (ACLED's column names where they apply), the whole file or nothing,
 * submitted for review or kept as drafts; a refused file lists each bad line and column.
 */
export function ImportReportsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [submit, setSubmit] = useState(true);
  return (
    <AppModal opened={opened} onClose={onClose} title={t('monitoring.import.title')} size="lg">
      <CsvImportForm<Imported>
        title={t('monitoring.import.file')}
        hint={
          <Stack gap={4}>
            <Text size="xs">
              <Trans i18nKey="monitoring.import.hint" components={{ code: <Code /> }} />
            </Text>
            <Code block fz={11}>
              {EXAMPLE}
            </Code>
          </Stack>
        }
        upload={(csv, progress) =>
          postWithProgress<Imported>('/api/reports/import', { csv, submit }, progress)
        }
        done={(r) => (
          <>
            {t(
              r.status === 'submitted' ? 'monitoring.import.doneSubmitted' : 'monitoring.import.doneDrafts',
              {
                count: r.count,
                first: r.first,
                last: r.last,
              },
            )}{' '}
            <Anchor component={Link} to={`/reports?status=${r.status}`} size="sm" onClick={onClose}>
              {t('monitoring.import.show')}
            </Anchor>
          </>
        )}
        onImported={() => void queryClient.invalidateQueries({ queryKey: REPORT_KEYS.all })}
        testId="reports-import-form"
      >
        <Checkbox
          checked={submit}
          onChange={(e) => setSubmit(e.currentTarget.checked)}
          label={t('monitoring.import.submit')}
          description={t('monitoring.import.submitHint')}
          data-testid="import-submit-for-review"
        />
      </CsvImportForm>
    </AppModal>
  );
}
