import { Button, Group, Menu, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconBookmark, IconFolderPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import type { ReportFilters } from './api.ts';
import {
  filtersOfSaved,
  savedFilterOf,
  useCollections,
  useCreateCollection,
  useDeleteFilter,
  useSavedFilters,
  useSaveFilter,
} from './collectionsApi.ts';

/** One field and its submit button, in a modal: a collection's or a saved filter's name. */
function NameModal({
  title,
  withDescription,
  pending,
  error,
  onSubmit,
  onClose,
  testId,
}: {
  title: string;
  withDescription: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string, description: string) => void;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState(false);
  const problems = fieldPaths(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!name.trim());
    if (name.trim()) onSubmit(name.trim(), description.trim());
  };
  return (
    <AppModal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate data-testid={testId}>
        <Stack gap="sm">
          <FormError error={error} placed={['name', 'description']} />
          <TextInput
            label={t('monitoring.collections.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={missing ? t('form.required') : problems.name}
            data-autofocus
            data-testid={`${testId}-name`}
          />
          {withDescription ? (
            <Textarea
              label={t('monitoring.collections.description')}
              autosize
              minRows={2}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={problems.description}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid={`${testId}-submit`}>
              {t('monitoring.collections.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * Above the report list: narrow it to a collection, make a collection, and keep the present
 * filters under a name to come back to (each person's own saved filters).
 */
export function ReportsToolbar({
  filters,
  onChange,
}: {
  filters: ReportFilters;
  onChange: (patch: Partial<ReportFilters>) => void;
}) {
  const { t } = useTranslation();
  const collections = useCollections();
  const saved = useSavedFilters();
  const [modal, setModal] = useState<'collection' | 'filter' | null>(null);
  const close = () => setModal(null);
  const create = useCreateCollection((c) => {
    notifySuccess(t('monitoring.collections.created', { name: c.name }));
    close();
    onChange({ collection: c.id });
  });
  const save = useSaveFilter(() => {
    notifySuccess(t('monitoring.collections.filterSaved'));
    close();
  });
  const remove = useDeleteFilter();
  const items = saved.data?.items ?? [];
  return (
    <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('monitoring.collections.label')}
        placeholder={t('monitoring.collections.all')}
        data={(collections.data?.items ?? []).map((c) => ({
          value: c.id,
          label: t('monitoring.collections.option', { name: c.name, count: c.reports }),
        }))}
        value={filters.collection ?? null}
        onChange={(v) => onChange({ collection: v })}
        clearable
        searchable
        w={{ base: '100%', sm: 320 }}
        data-testid="collection-filter"
      />
      <Button
        variant="default"
        leftSection={<IconFolderPlus size={16} aria-hidden />}
        onClick={() => setModal('collection')}
        data-testid="new-collection"
      >
        {t('monitoring.collections.new')}
      </Button>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} aria-hidden />}
            data-testid="saved-filters"
          >
            {t('monitoring.collections.saved')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setModal('filter')} data-testid="save-filter">
            {t('monitoring.collections.saveFilter')}
          </Menu.Item>
          {items.length ? <Menu.Divider /> : null}
          {items.map((f) => (
            <Menu.Item
              key={f.id}
              onClick={() => onChange(filtersOfSaved(f.filter))}
              data-testid="saved-filter"
            >
              {f.name}
            </Menu.Item>
          ))}
          {items.length ? <Menu.Label>{t('monitoring.collections.forget')}</Menu.Label> : null}
          {items.map((f) => (
            <Menu.Item
              key={`x-${f.id}`}
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => remove.mutate(f.id)}
            >
              {f.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {modal === 'collection' ? (
        <NameModal
          title={t('monitoring.collections.new')}
          withDescription
          pending={create.isPending}
          error={create.error}
          onSubmit={(name, description) => create.mutate({ name, description })}
          onClose={close}
          testId="collection-form"
        />
      ) : null}
      {modal === 'filter' ? (
        <NameModal
          title={t('monitoring.collections.saveFilter')}
          withDescription={false}
          pending={save.isPending}
          error={save.error}
          onSubmit={(name) => save.mutate({ name, filter: savedFilterOf(filters) })}
          onClose={close}
          testId="filter-form"
        />
      ) : null}
    </Group>
  );
}
