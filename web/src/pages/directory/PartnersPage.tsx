import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeBadge } from '../../components/CodeBadge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { usePartners } from '../../queries.ts';
import type { Partner } from '../../types.ts';

export function PartnersPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const partners = usePartners();
  return (
    <>
      <PageHeader title={t('partners.title')} description={t('partners.description')} />
      <QueryState query={partners}>
        {({ items }) => (
          <DataTable<Partner>
            testId="partners-table"
            caption={t('partners.title')}
            empty={t('partners.empty')}
            rows={items}
            rowKey={(p) => p.code}
            minWidth={560}
            columns={[
              {
                key: 'code',
                header: t('partners.code'),
                width: 100,
                cell: (p) => <CodeBadge code={p.code} />,
              },
              {
                key: 'short',
                header: t('partners.shortName'),
                width: 180,
                cell: (p) => <Text fw={500}>{text(p.shortName)}</Text>,
              },
              { key: 'name', header: t('partners.name'), cell: (p) => <Text size="sm">{text(p.name)}</Text> },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
