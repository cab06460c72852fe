import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeBadge } from '../../components/CodeBadge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useBodies, useStates } from '../../queries.ts';
import type { MemberState } from '../../types.ts';

export function StatesPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const states = useStates();
  const bodies = useBodies();
  const bodyName = (code: string) => {
    const body = bodies.data?.items.find((b) => b.code === code);
    return body ? text(body.name) : code;
  };

  return (
    <>
      <PageHeader title={t('states.title')} description={t('states.description')} />
      <QueryState query={states}>
        {({ items }) => (
          <DataTable<MemberState>
            testId="states-table"
            caption={t('states.title')}
            empty={t('states.empty')}
            rows={items}
            rowKey={(s) => s.code}
            columns={[
              { key: 'code', header: t('states.code'), width: 90, cell: (s) => <CodeBadge code={s.code} /> },
              { key: 'name', header: t('states.name'), cell: (s) => <Text fw={500}>{text(s.name)}</Text> },
              {
                key: 'tz',
                header: t('states.timeZone'),
                cell: (s) => (
                  <Text size="sm" c="dimmed">
                    {s.timeZone}
                  </Text>
                ),
              },
              {
                key: 'bodies',
                header: t('states.bodies'),
                width: '40%',
                cell: (s) =>
                  s.bodies.length ? (
                    <Group gap={6}>
                      {s.bodies.map((code) => (
                        <Badge key={code} variant="outline" color="navy" radius="sm" tt="none" fw={500}>
                          {bodyName(code)}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
