import { Button, Menu } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify.ts';
import type { Report } from './api.ts';
import { useChangeCollection, useCollections } from './collectionsApi.ts';

/** Puts a report in one of the collections the reader's delegation (or the secretariat) keeps. */
export function AddToCollection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const collections = useCollections();
  const change = useChangeCollection();
  const kept = (collections.data?.items ?? []).filter((c) => c.abilities.manage);
  if (report.status === 'draft' || !collections.data) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFolder size={16} aria-hidden />}
          data-testid="add-to-collection"
        >
          {t('monitoring.collections.addTo')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {kept.length === 0 ? <Menu.Label>{t('monitoring.collections.noCollection')}</Menu.Label> : null}
        {kept.map((c) => (
          <Menu.Item
            key={c.id}
            onClick={() =>
              change.mutate(
                { id: c.id, add: [report.id] },
                {
                  onSuccess: () => notifySuccess(t('monitoring.collections.inCollection', { name: c.name })),
                },
              )
            }
          >
            {c.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
