import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useProcedure, useStates } from '../../queries.ts';
import { useMe } from '../../session.tsx';
import { CountdownText } from '../decisions/Countdown.tsx';
import { fieldPaths } from '../decisions/mutations.ts';
import { BackLink } from '../decisions/ProposalPage.tsx';
import { AssetsEditor } from './AssetsEditor.tsx';
import { type Deployment, formBody, useClearanceMutation, useCrossingPoints, useDeployments } from './api.ts';
import { ClearancesNav } from './ClearancesNav.tsx';
import {
  type AssetDraft,
  assetToInput,
  CLASSIFICATIONS,
  type Classification,
  emptyAsset,
  emptyLeg,
  type LegDraft,
  legToInput,
  rowKey,
  URGENCIES,
  type Urgency,
} from './draft.ts';
import { LegEditor } from './LegEditor.tsx';
import { RequestStatusBadge, useStateName } from './labels.tsx';

/** The council's open procedure on a deployment request: its kind and the time left. */
function ProcedureDeadline({ id }: { id: string }) {
  const { t } = useTranslation();
  const procedure = useProcedure(id).data?.procedure;
  if (!procedure) return null;
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {t(`decisions.kind.${procedure.kind}`)}
      </Text>
      {procedure.status === 'open' && procedure.deadline ? (
        <CountdownText deadline={procedure.deadline} />
      ) : null}
    </Stack>
  );
}

const DEPLOYMENT_COLOR = { requested: 'blue', adopted: 'teal', not_adopted: 'red' } as const;

/** Deployment requests of host states, with the council's procedure and the movements it created. */
export function DeploymentsPage() {
  const { t } = useTranslation();
  const { shortDate } = useFormat();
  const stateName = useStateName();
  const list = useDeployments();
  return (
    <>
      <PageHeader
        title={t('clearances.deployments.title')}
        description={t('clearances.deployments.description')}
        actions={
          <Button
            component={Link}
            to="/clearances/deployments/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('clearances.deployments.new')}
          </Button>
        }
      />
      <ClearancesNav />
      <QueryState query={list}>
        {(data) => (
          <DataTable<Deployment>
            caption={t('clearances.deployments.title')}
            empty={t('clearances.deployments.empty')}
            rows={data.items}
            rowKey={(d) => d.id}
            minWidth={820}
            columns={[
              {
                key: 'title',
                header: t('clearances.deployments.request'),
                cell: (d) => (
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {d.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[d.reference, stateName(d.hostState), shortDate(d.requestedAt)].join(' · ')}
                    </Text>
                  </Stack>
                ),
              },
              {
                key: 'status',
                header: t('clearances.deployments.status'),
                width: 220,
                cell: (d) => (
                  <Stack gap={4} align="flex-start">
                    <Badge color={DEPLOYMENT_COLOR[d.status]} variant="light" radius="sm">
                      {t(`clearances.deployments.statuses.${d.status}`)}
                    </Badge>
                    <Anchor component={Link} to={`/proposals/${d.proposalId}`} size="xs">
                      {t('clearances.deployments.proposal')}
                    </Anchor>
                    {d.procedureId && d.status === 'requested' ? (
                      <ProcedureDeadline id={d.procedureId} />
                    ) : null}
                  </Stack>
                ),
              },
              {
                key: 'movements',
                header: t('clearances.deployments.movements'),
                width: 260,
                cell: (d) =>
                  d.requests.length === 0 ? (
                    <Text size="xs" c="dimmed">
                      {d.status === 'requested' ? t('clearances.deployments.afterAdoption') : '—'}
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {d.requests.map((r) => (
                        <Group key={r.id} gap={6} wrap="nowrap">
                          <Anchor component={Link} to={`/clearances/${r.id}`} size="xs">
                            {r.reference}
                          </Anchor>
                          <RequestStatusBadge status={r.status} />
                        </Group>
                      ))}
                    </Stack>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

interface MovementDraft {
  key: string;
  title: string;
  requestingState: string | null;
  urgency: Urgency;
  legs: LegDraft[];
  assets: AssetDraft[];
  personnel: number;
  armament: boolean;
}

const emptyMovement = (state: string | null): MovementDraft => ({
  key: rowKey(),
  title: '',
  requestingState: state,
  urgency: 'emergency',
  legs: [emptyLeg()],
  assets: [emptyAsset()],
  personnel: 0,
  armament: false,
});

/** A host state's request for the deployment of collective forces, with its planned movements. */
export function NewDeploymentPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const states = useStates();
  const stateName = useStateName();
  const points = useCrossingPoints();
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [classification, setClassification] = useState<Classification>('restricted');
  const [contact, setContact] = useState({ name: me.displayName, phone: '' });
  const [movements, setMovements] = useState<MovementDraft[]>([]);
  const members = (states.data?.items ?? []).map((s) => s.code);
  const send = useClearanceMutation(
    // The form's movements leave out what the server defaults (vips, sensors, attachments).
    (body: Record<string, unknown>) =>
      ok(client.POST('/api/deployments', { body: formBody<BodyOf<'/api/deployments', 'post'>>(body) })),
    t('clearances.deployments.sent'),
    () => void navigate('/clearances/deployments'),
  );
  const errors = fieldPaths(send.error);
  const set = (i: number, change: Partial<MovementDraft>) =>
    setMovements((ms) => ms.map((m, j) => (j === i ? { ...m, ...change } : m)));
  const sub = (i: number) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k.startsWith(`movements.${i}.`))
        .map(([k, v]) => [k.slice(`movements.${i}.`.length), v]),
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({
      title: title.trim(),
      purpose: purpose.trim(),
      classification,
      movements: movements.map((m) => ({
        title: m.title.trim(),
        requestingState: m.requestingState ?? '',
        urgency: m.urgency,
        purpose: purpose.trim(),
        pointOfContact: { name: contact.name.trim(), phone: contact.phone.trim() },
        legs: m.legs.map(legToInput),
        assets: m.assets.map(assetToInput),
        personnel: m.personnel,
        armament: m.armament,
      })),
    });
  };

  return (
    <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
      <BackLink to="/clearances/deployments" label={t('clearances.deployments.title')} />
      <PageHeader
        title={t('clearances.deployments.newTitle')}
        description={t('clearances.deployments.newDescription', { state: stateName(me.stateCode ?? '') })}
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <FormError error={send.error} placed={['title', 'purpose', 'classification']} />
          <Card>
            <Stack gap="sm">
              <TextInput
                label={t('clearances.form.title')}
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={errors.title}
              />
              <Textarea
                label={t('clearances.deployments.purpose')}
                required
                autosize
                minRows={4}
                value={purpose}
                onChange={(e) => setPurpose(e.currentTarget.value)}
                error={errors.purpose}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Select
                  label={t('clearances.form.classification')}
                  data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`levels.${c}`) }))}
                  value={classification}
                  onChange={(v) => setClassification((v ?? 'restricted') as Classification)}
                  allowDeselect={false}
                />
                <TextInput
                  label={t('clearances.form.contactName')}
                  value={contact.name}
                  onChange={(e) => setContact({ ...contact, name: e.currentTarget.value })}
                />
                <TextInput
                  label={t('clearances.form.contactPhone')}
                  type="tel"
                  value={contact.phone}
                  onChange={(e) => setContact({ ...contact, phone: e.currentTarget.value })}
                />
              </SimpleGrid>
              <Text size="sm" c="dimmed">
                {t('clearances.deployments.procedureHint')}
              </Text>
            </Stack>
          </Card>
          <Title order={2} fz="lg">
            {t('clearances.deployments.movements')}
          </Title>
          {movements.map((m, i) => (
            <Card key={m.key}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fw={600}>{t('clearances.deployments.movementN', { n: i + 1 })}</Text>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => setMovements((ms) => ms.filter((_, j) => j !== i))}
                  >
                    {t('clearances.deployments.removeMovement')}
                  </Button>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <TextInput
                    label={t('clearances.form.title')}
                    required
                    value={m.title}
                    onChange={(e) => set(i, { title: e.currentTarget.value })}
                    error={sub(i).title}
                  />
                  <Select
                    label={t('clearances.deployments.requestingState')}
                    data={members.map((c) => ({ value: c, label: stateName(c) }))}
                    value={m.requestingState}
                    onChange={(v) => set(i, { requestingState: v })}
                    error={sub(i).requestingState}
                  />
                  <Select
                    label={t('clearances.form.urgency')}
                    data={URGENCIES.map((u) => ({ value: u, label: t(`clearances.urgency.${u}`) }))}
                    value={m.urgency}
                    onChange={(v) => set(i, { urgency: (v as Urgency) ?? 'emergency' })}
                    allowDeselect={false}
                  />
                </SimpleGrid>
                <LegEditor
                  legs={m.legs}
                  onChange={(legs) => set(i, { legs })}
                  points={points.data?.items ?? []}
                  members={members}
                  errors={sub(i)}
                />
                <AssetsEditor assets={m.assets} onChange={(assets) => set(i, { assets })} errors={sub(i)} />
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <NumberInput
                    label={t('clearances.form.personnel')}
                    min={0}
                    allowDecimal={false}
                    value={m.personnel}
                    onChange={(v) => set(i, { personnel: Number(v) || 0 })}
                    error={sub(i).personnel}
                  />
                  <Checkbox
                    mt={28}
                    label={t('clearances.form.armament')}
                    checked={m.armament}
                    onChange={(e) => set(i, { armament: e.currentTarget.checked })}
                  />
                </SimpleGrid>
              </Stack>
            </Card>
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setMovements((ms) => [...ms, emptyMovement(me.stateCode)])}
            >
              {t('clearances.deployments.addMovement')}
            </Button>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(-1)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('clearances.deployments.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
