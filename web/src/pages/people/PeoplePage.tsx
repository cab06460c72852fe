import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useAffiliationLabel } from '../../components/userLabels.ts';
import { useUsers } from '../../queries.ts';
import type { User } from '../../types.ts';

export function PeoplePage() {
  const { t } = useTranslation();
  const users = useUsers();
  const affiliation = useAffiliationLabel();
  return (
    <>
      <PageHeader title={t('people.title')} description={t('people.description')} />
      <QueryState query={users}>
        {({ items }) => (
          <DataTable<User>
            testId="people-table"
            caption={t('people.title')}
            empty={t('people.empty')}
            rows={items}
            rowKey={(u) => u.id}
            columns={[
              {
                key: 'name',
                header: t('people.name'),
                cell: (u) => <PersonName displayName={u.displayName} username={u.username} />,
              },
              {
                key: 'affiliation',
                header: t('people.affiliation'),
                cell: (u) => <Text size="sm">{affiliation(u)}</Text>,
              },
              {
                key: 'role',
                header: t('people.role'),
                cell: (u) => <Text size="sm">{t(`roles.${u.role}`)}</Text>,
              },
              {
                key: 'email',
                header: t('people.email'),
                cell: (u) =>
                  u.email ? (
                    <Anchor href={`mailto:${u.email}`} size="sm">
                      {u.email}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ),
              },
              {
                key: 'status',
                header: t('people.status'),
                width: 110,
                cell: (u) =>
                  u.disabled ? (
                    <Badge color="gray" variant="outline" radius="sm" miw="max-content">
                      {t('users.status.disabled')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('users.status.active')}
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
