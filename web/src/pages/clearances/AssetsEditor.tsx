import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { type AssetList, useAssetLists, useClearanceMutation } from './api.ts';
import {
  ASSET_KINDS,
  type AssetDraft,
  type AssetKind,
  assetFromInput,
  assetToInput,
  type DangerousGoodsDraft,
  emptyAsset,
  emptyDangerousGoods,
} from './draft.ts';

/**
 * The assets of a movement: typed here, or taken from one of the delegation's saved lists,
 * and saved as a list for the next time. `prefix` names the server's paths ("assets").
 */
export function AssetsEditor({
  assets,
  onChange,
  errors,
  prefix = 'assets',
  allowLists = true,
}: {
  assets: AssetDraft[];
  onChange: (assets: AssetDraft[]) => void;
  errors: Record<string, string>;
  prefix?: string;
  allowLists?: boolean;
}) {
  const { t } = useTranslation();
  const lists = useAssetLists();
  const [saving, { open, close }] = useDisclosure(false);
  const set = (index: number, change: Partial<AssetDraft>) =>
    onChange(assets.map((a, i) => (i === index ? { ...a, ...change } : a)));
  const err = (i: number, field: string) => errors[`${prefix}.${i}.${field}`];
  const saved = lists.data?.items ?? [];
  const takeList = (id: string | null) => {
    const list = saved.find((l) => l.id === id);
    if (!list) return;
    const blank = assets.length === 1 && !assets[0].type.trim();
    onChange([...(blank ? [] : assets), ...list.assets.map(assetFromInput)]);
  };

  return (
    <Stack gap="sm" data-testid="assets-editor">
      {allowLists && saved.length > 0 ? (
        <Select
          label={t('clearances.assets.fromList')}
          description={t('clearances.assets.fromListHint')}
          placeholder={t('clearances.assets.chooseList')}
          data={saved.map((l: AssetList) => ({ value: l.id, label: `${l.name} (${l.assets.length})` }))}
          value={null}
          onChange={takeList}
          maw={420}
          data-testid="asset-list-pick"
        />
      ) : null}
      {errors[prefix] ? (
        <Text size="sm" c="red" role="alert">
          {errors[prefix]}
        </Text>
      ) : null}
      {assets.map((a, i) => (
        <Paper key={a.key} p="sm" data-testid={`asset-${i}`}>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm" style={{ flex: 1 }}>
              <Select
                label={t('clearances.assets.kind')}
                data={ASSET_KINDS.map((k) => ({ value: k, label: t(`clearances.assetKind.${k}`) }))}
                value={a.kind}
                onChange={(v) => set(i, { kind: (v as AssetKind) ?? 'vehicle' })}
                allowDeselect={false}
                error={err(i, 'kind')}
              />
              <TextInput
                label={t('clearances.assets.type')}
                placeholder={t('clearances.assets.typePlaceholder')}
                required
                value={a.type}
                onChange={(e) => set(i, { type: e.currentTarget.value })}
                error={err(i, 'type')}
                data-testid={`asset-${i}-type`}
              />
              <NumberInput
                label={t('clearances.assets.count')}
                min={1}
                allowDecimal={false}
                value={a.count}
                onChange={(v) => set(i, { count: Number(v) || 1 })}
                error={err(i, 'count')}
                data-testid={`asset-${i}-count`}
              />
              <TextInput
                label={t('clearances.assets.registrations')}
                placeholder={t('clearances.assets.listPlaceholder')}
                value={a.registrations}
                onChange={(e) => set(i, { registrations: e.currentTarget.value })}
                error={err(i, 'registrations')}
              />
              <TextInput
                label={t('clearances.assets.callSigns')}
                placeholder={t('clearances.assets.listPlaceholder')}
                value={a.callSigns}
                onChange={(e) => set(i, { callSigns: e.currentTarget.value })}
                error={err(i, 'callSigns')}
              />
            </SimpleGrid>
            <Tooltip label={t('clearances.assets.remove')}>
              <ActionIcon
                variant="default"
                mt={26}
                aria-label={t('clearances.assets.removeN', { n: i + 1 })}
                disabled={assets.length === 1}
                onClick={() => onChange(assets.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      ))}
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...assets, emptyAsset()])}
          data-testid="add-asset"
        >
          {t('clearances.assets.add')}
        </Button>
        {allowLists ? (
          <Button
            variant="subtle"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={open}
            disabled={!assets.some((a) => a.type.trim())}
          >
            {t('clearances.assets.saveAsList')}
          </Button>
        ) : null}
      </Group>
      <SaveListModal opened={saving} onClose={close} assets={assets} />
    </Stack>
  );
}

function SaveListModal({
  opened,
  onClose,
  assets,
}: {
  opened: boolean;
  onClose: () => void;
  assets: AssetDraft[];
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const save = useClearanceMutation(
    (body: BodyOf<'/api/asset-lists', 'post'>) => ok(client.POST('/api/asset-lists', { body })),
    t('clearances.assets.listSaved'),
    () => {
      setName('');
      onClose();
    },
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name: name.trim(), assets: assets.filter((a) => a.type.trim()).map(assetToInput) });
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={t('clearances.assets.saveAsList')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} placed={['name']} />
          <TextInput
            label={t('clearances.assets.listName')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={save.error instanceof ApiError ? save.error.fieldErrors().name : undefined}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Dangerous goods lines: UN number, hazard class, description, net explosive quantity. */
export function DangerousGoodsEditor({
  lines,
  onChange,
  errors,
}: {
  lines: DangerousGoodsDraft[];
  onChange: (lines: DangerousGoodsDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<DangerousGoodsDraft>) =>
    onChange(lines.map((l, i) => (i === index ? { ...l, ...change } : l)));
  const err = (i: number, field: string) => errors[`dangerousGoods.${i}.${field}`];
  return (
    <Stack gap="sm">
      {lines.map((l, i) => (
        <Group key={l.key} align="flex-start" wrap="nowrap" gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm" style={{ flex: 1 }}>
            <TextInput
              label={t('clearances.goods.unNumber')}
              placeholder="UN0012"
              required
              value={l.unNumber}
              onChange={(e) => set(i, { unNumber: e.currentTarget.value })}
              error={err(i, 'unNumber')}
            />
            <TextInput
              label={t('clearances.goods.hazardClass')}
              placeholder="1.4S"
              required
              value={l.hazardClass}
              onChange={(e) => set(i, { hazardClass: e.currentTarget.value })}
              error={err(i, 'hazardClass')}
            />
            <TextInput
              label={t('clearances.goods.description')}
              required
              value={l.description}
              onChange={(e) => set(i, { description: e.currentTarget.value })}
              error={err(i, 'description')}
            />
            <NumberInput
              label={t('clearances.goods.neq')}
              min={0}
              value={l.neq ?? ''}
              onChange={(v) => set(i, { neq: v === '' ? null : Number(v) })}
              error={err(i, 'netExplosiveQuantityKg')}
            />
          </SimpleGrid>
          <ActionIcon
            variant="default"
            mt={26}
            aria-label={t('clearances.goods.removeN', { n: i + 1 })}
            onClick={() => onChange(lines.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...lines, emptyDangerousGoods()])}
        >
          {t('clearances.goods.add')}
        </Button>
      </Group>
    </Stack>
  );
}
