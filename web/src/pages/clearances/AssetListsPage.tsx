import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { AssetsEditor } from './AssetsEditor.tsx';
import { type AssetList, useAssetLists, useClearanceMutation } from './api.ts';
import { ClearancesNav } from './ClearancesNav.tsx';
import { type AssetDraft, assetFromInput, assetToInput, emptyAsset } from './draft.ts';
import { useStateName } from './labels.tsx';

function ListModal({ list, onClose }: { list: AssetList | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(list?.name ?? '');
  const [assets, setAssets] = useState<AssetDraft[]>(list ? list.assets.map(assetFromInput) : [emptyAsset()]);
  const save = useClearanceMutation(
    (body: BodyOf<'/api/asset-lists', 'post'>) =>
      ok(
        list
          ? client.PUT('/api/asset-lists/{id}', { params: { path: { id: list.id } }, body })
          : client.POST('/api/asset-lists', { body }),
      ),
    t('clearances.assets.listSaved'),
    onClose,
  );
  const errors = fieldPaths(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name: name.trim(), assets: assets.map(assetToInput) });
  };
  return (
    <AppModal opened onClose={onClose} size="xl" title={list ? list.name : t('clearances.assets.newList')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError
            error={save.error}
            placed={['name', 'type', 'count', 'kind', 'registrations', 'callSigns']}
          />
          <TextInput
            label={t('clearances.assets.listName')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maw={420}
          />
          <AssetsEditor assets={assets} onChange={setAssets} errors={errors} allowLists={false} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The delegation's saved vehicle and asset lists, reused in requests. */
export function AssetListsPage() {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const stateName = useStateName();
  const lists = useAssetLists();
  const [editing, setEditing] = useState<AssetList | 'new' | null>(null);
  const remove = useClearanceMutation(
    (id: string) => ok(client.DELETE('/api/asset-lists/{id}', { params: { path: { id } } })),
    t('clearances.assets.listDeleted'),
  );
  return (
    <>
      <PageHeader
        title={t('clearances.assets.title')}
        description={t('clearances.assets.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('clearances.assets.newList')}
          </Button>
        }
      />
      <ClearancesNav />
      <QueryState query={lists}>
        {(data) => (
          <DataTable<AssetList>
            caption={t('clearances.assets.title')}
            empty={t('clearances.assets.empty')}
            rows={data.items}
            rowKey={(l) => l.id}
            minWidth={760}
            columns={[
              {
                key: 'name',
                header: t('clearances.assets.listName'),
                cell: (l) => (
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {l.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {stateName(l.state)}
                    </Text>
                  </Stack>
                ),
              },
              {
                key: 'assets',
                header: t('clearances.form.assets'),
                cell: (l) => (
                  <Text size="xs">{l.assets.map((a) => `${number(a.count)} × ${a.type}`).join('; ')}</Text>
                ),
              },
              {
                key: 'updated',
                header: t('clearances.assets.updated'),
                width: 200,
                cell: (l) => <Text size="xs">{`${dateTime(l.updatedAt)} · ${l.updatedBy}`}</Text>,
              },
              {
                key: 'actions',
                header: '',
                width: 170,
                cell: (l) =>
                  !l.abilities.write ? null : (
                    <Group gap={6}>
                      <Button size="compact-sm" variant="default" onClick={() => setEditing(l)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === l.id}
                        onClick={() => remove.mutate(l.id)}
                      >
                        {t('clearances.assets.delete')}
                      </Button>
                    </Group>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing ? (
        <ListModal list={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
