import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { CodeBadge } from '../../components/CodeBadge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import { useMe } from '../../session.tsx';
import { fieldPaths } from '../decisions/mutations.ts';
import {
  type StandingPermission,
  useClearanceMutation,
  useCrossingPoints,
  useStandingPermissions,
} from './api.ts';
import { ClearancesNav } from './ClearancesNav.tsx';
import { ASSET_KINDS, type AssetKind, FRAMEWORKS, type Framework } from './draft.ts';
import { useStateName } from './labels.tsx';

function GrantModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const states = useStates();
  const stateName = useStateName();
  const points = useCrossingPoints();
  const own = useMe().stateCode;
  const [grantee, setGrantee] = useState<string | null>(null);
  const [frameworks, setFrameworks] = useState<Framework[]>([]);
  const [kinds, setKinds] = useState<AssetKind[]>([]);
  const [crossing, setCrossing] = useState<string[]>([]);
  const [maxPersonnel, setMaxPersonnel] = useState<number | ''>('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const grant = useClearanceMutation(
    (body: BodyOf<'/api/standing-permissions', 'post'>) =>
      ok(client.POST('/api/standing-permissions', { body })),
    t('clearances.permissions.granted'),
    onClose,
  );
  const errors = fieldPaths(grant.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate({
      grantee: grantee ?? '',
      pattern: {
        frameworks,
        assetKinds: kinds,
        crossingPoints: crossing,
        ...(maxPersonnel === '' ? {} : { maxPersonnel }),
      },
      validFrom: from ? `${from.slice(0, 10)}T00:00:00Z` : '',
      validTo: to ? `${to.slice(0, 10)}T23:59:59Z` : '',
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <AppModal opened={opened} onClose={onClose} size="lg" title={t('clearances.permissions.grant')}>
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <form onSubmit={onSubmit} noValidate data-testid="grant-form">
          <Stack gap="md">
            <FormError
              error={grant.error}
              placed={[
                'grantee',
                'frameworks',
                'assetKinds',
                'crossingPoints',
                'maxPersonnel',
                'validFrom',
                'validTo',
                'note',
              ]}
            />
            <Text size="sm" c="dimmed">
              {t('clearances.permissions.grantHint')}
            </Text>
            <Select
              label={t('clearances.permissions.grantee')}
              required
              data={(states.data?.items ?? [])
                .filter((s) => s.code !== own)
                .map((s) => ({ value: s.code, label: stateName(s.code) }))}
              value={grantee}
              onChange={setGrantee}
              error={errors.grantee}
            />
            <MultiSelect
              label={t('clearances.permissions.frameworks')}
              required
              data={FRAMEWORKS.map((f) => ({ value: f, label: t(`clearances.framework.${f}`) }))}
              value={frameworks}
              onChange={(values) => setFrameworks(values as Framework[])}
              error={errors['pattern.frameworks']}
            />
            <MultiSelect
              label={t('clearances.permissions.assetKinds')}
              required
              data={ASSET_KINDS.map((k) => ({ value: k, label: t(`clearances.assetKind.${k}`) }))}
              value={kinds}
              onChange={(values) => setKinds(values as AssetKind[])}
              error={errors['pattern.assetKinds']}
            />
            <MultiSelect
              label={t('clearances.permissions.crossingPoints')}
              description={t('clearances.permissions.crossingPointsHint')}
              data={(points.data?.items ?? [])
                .filter((p) => !own || p.states.includes(own))
                .map((p) => ({ value: p.code, label: text(p.name) }))}
              value={crossing}
              onChange={setCrossing}
              searchable
              error={errors['pattern.crossingPoints']}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('clearances.permissions.maxPersonnel')}
                min={0}
                allowDecimal={false}
                value={maxPersonnel}
                onChange={(v) => setMaxPersonnel(v === '' ? '' : Number(v))}
                error={errors['pattern.maxPersonnel']}
              />
              <DatePickerInput
                label={t('clearances.permissions.validFrom')}
                required
                value={from}
                onChange={setFrom}
                valueFormat="DD MMM YYYY"
                error={errors.validFrom}
              />
              <DatePickerInput
                label={t('clearances.permissions.validTo')}
                required
                value={to}
                onChange={setTo}
                valueFormat="DD MMM YYYY"
                error={errors.validTo}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('clearances.permissions.never')}
            </Text>
            <Textarea
              label={t('clearances.permissions.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={grant.isPending}>
                {t('clearances.permissions.grant')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </AppModal>
  );
}

/** Standing permissions granted by the caller's state or to it; grant and revoke. */
export function StandingPermissionsPage() {
  const { t } = useTranslation();
  const { shortDate } = useFormat();
  const stateName = useStateName();
  const list = useStandingPermissions();
  const [granting, setGranting] = useState(false);
  const revoke = useClearanceMutation(
    (id: string) => ok(client.DELETE('/api/standing-permissions/{id}', { params: { path: { id } } })),
    t('clearances.permissions.revoked'),
  );
  const mayGrant = list.data?.abilities.grant ?? false;
  return (
    <>
      <PageHeader
        title={t('clearances.permissions.title')}
        description={t('clearances.permissions.description')}
        actions={
          mayGrant ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGranting(true)}>
              {t('clearances.permissions.grant')}
            </Button>
          ) : null
        }
      />
      <ClearancesNav />
      <QueryState query={list}>
        {(data) => (
          <DataTable<StandingPermission>
            caption={t('clearances.permissions.title')}
            empty={t('clearances.permissions.empty')}
            rows={data.items}
            rowKey={(p) => p.id}
            minWidth={720}
            columns={[
              {
                key: 'number',
                header: t('clearances.permissions.number'),
                width: 150,
                cell: (p) => <CodeBadge code={p.number} />,
              },
              {
                key: 'states',
                header: t('clearances.permissions.parties'),
                cell: (p) => (
                  <Text size="sm">
                    {stateName(p.grantingState)} → {stateName(p.grantee)}
                  </Text>
                ),
              },
              {
                key: 'pattern',
                header: t('clearances.permissions.pattern'),
                cell: (p) => (
                  <Text size="xs">
                    {[
                      p.pattern.frameworks.map((f) => t(`clearances.framework.${f}`)).join(', '),
                      p.pattern.assetKinds.map((k) => t(`clearances.assetKind.${k}`)).join(', '),
                      p.pattern.crossingPoints?.length ? p.pattern.crossingPoints.join(', ') : null,
                      p.pattern.maxPersonnel !== undefined
                        ? t('clearances.permissions.upTo', { n: p.pattern.maxPersonnel })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                ),
              },
              {
                key: 'valid',
                header: t('clearances.permissions.valid'),
                width: 200,
                cell: (p) => (
                  <Text
                    size="sm"
                    c={p.revokedAt ? 'dimmed' : undefined}
                    td={p.revokedAt ? 'line-through' : undefined}
                  >
                    {shortDate(p.validFrom)} – {shortDate(p.validTo)}
                  </Text>
                ),
              },
              {
                key: 'actions',
                header: '',
                width: 120,
                cell: (p) =>
                  p.revokedAt ? (
                    <Text size="xs" c="dimmed">
                      {t('clearances.permissions.revokedOn', { date: shortDate(p.revokedAt) })}
                    </Text>
                  ) : p.abilities.revoke ? (
                    <Button
                      size="compact-sm"
                      variant="default"
                      color="red"
                      loading={revoke.isPending && revoke.variables === p.id}
                      onClick={() => revoke.mutate(p.id)}
                    >
                      {t('clearances.permissions.revoke')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
      {granting ? <GrantModal opened onClose={() => setGranting(false)} /> : null}
    </>
  );
}
