import { Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { CertificateDocument } from './CertificateDocument.tsx';
import { VerificationPanel } from './VerificationPanel.tsx';

/** A cleared request's certificate, checked against the record, ready to print or save as PDF. */
export function CertificatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['clearance-certificate', id],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/clearances/{id}/certificate', { params: { path: { id } }, signal })),
  });
  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between" className="no-print">
        <Button
          component={Link}
          to={`/clearances/${id}`}
          variant="subtle"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {t('certificate.back')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => window.print()}
          data-testid="print-certificate"
        >
          {t('certificate.pdf')}
        </Button>
      </Group>
      <QueryState query={query}>
        {(v) => (
          <>
            <div className="no-print">
              <VerificationPanel
                verification={v}
                onChecked={() =>
                  void queryClient.invalidateQueries({ queryKey: ['clearance-certificate', id] })
                }
              />
            </div>
            <CertificateDocument certificate={v.certificate} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
