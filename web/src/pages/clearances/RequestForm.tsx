import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
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
import 'dayjs/locale/ru';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { FormError } from '../../components/FormError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { AssetsEditor, DangerousGoodsEditor } from './AssetsEditor.tsx';
import {
  type ClearanceRequest,
  type CrossingPoint,
  formBody,
  useCrossingPoints,
  useRequestMutation,
} from './api.ts';
import { CLASSIFICATIONS, FRAMEWORKS, type RequestDraft, toContent, URGENCIES, utcWall } from './draft.ts';
import { LegEditor } from './LegEditor.tsx';
import { MapPanel } from './MapPanel.tsx';

function Section({ title, children, hint }: { title: string; children: ReactNode; hint?: string }) {
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {hint ? (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

/** Windows for a new request's first leg: tomorrow, entry 06:00-08:00 UTC, exit 16:00-18:00. */
export function withDefaultWindows(draft: RequestDraft): RequestDraft {
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const at = (h: string) => utcWall(`${day}T${h}:00:00Z`);
  return {
    ...draft,
    legs: draft.legs.map((leg, i) =>
      i === 0
        ? { ...leg, entryFrom: at('06'), entryTo: at('08'), exitFrom: at('16'), exitTo: at('18') }
        : leg,
    ),
  };
}

export type FormMode =
  | { kind: 'new' }
  | { kind: 'draft'; request: ClearanceRequest }
  | { kind: 'amend'; request: ClearanceRequest };

/**
 * The request form: envelope, itinerary, assets, personnel and sensitive items, purpose.
 * Saves a draft, submits, or (amending) submits a new version. The server's field problems
 * are shown on their fields.
 */
export function RequestForm({ initial, mode }: { initial: RequestDraft; mode: FormMode }) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const navigate = useNavigate();
  const states = useStates();
  const points = useCrossingPoints();
  const [draft, setDraft] = useState<RequestDraft>(initial);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const set = <K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const members = (states.data?.items ?? []).map((s) => s.code);
  const pointList: CrossingPoint[] = points.data?.items ?? [];

  const envelope = () => ({
    title: draft.title.trim(),
    framework: draft.framework,
    urgency: draft.urgency,
    classification: draft.classification,
  });

  const save = useRequestMutation(
    async ({ submit }: { submit: boolean }) => {
      const content = toContent(draft);
      if (mode.kind === 'amend') {
        // Urgency, framework and classification may change too (a new urgency sets the windows
        // of the legs that open again; a new framework has every state decide again).
        return ok(
          client.POST('/api/clearances/{id}/amend', {
            params: { path: { id: mode.request.id } },
            body: formBody<BodyOf<'/api/clearances/{id}/amend', 'post'>>({
              ...content,
              ...envelope(),
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            }),
          }),
        );
      }
      if (mode.kind === 'draft') {
        const params = { path: { id: mode.request.id } };
        const saved = await ok(
          client.PUT('/api/clearances/{id}', {
            params,
            body: formBody<BodyOf<'/api/clearances/{id}', 'put'>>({ ...content, ...envelope() }),
          }),
        );
        return submit ? ok(client.POST('/api/clearances/{id}/submit', { params })) : saved;
      }
      return ok(
        client.POST('/api/clearances', {
          body: formBody<BodyOf<'/api/clearances', 'post'>>({ ...content, ...envelope(), submit }),
        }),
      );
    },
    (request) =>
      mode.kind === 'amend'
        ? t('clearances.form.amended', { reference: request.reference })
        : request.status === 'draft'
          ? t('clearances.form.draftSaved', { reference: request.reference })
          : t('clearances.form.submitted', { reference: request.reference }),
    (request) => void navigate(`/clearances/${request.id}`),
  );

  const errors = { ...fieldPaths(save.error), ...checked };
  const onSubmit = (submit: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.title.trim()) found.title = t('form.required');
    if (!draft.framework) found.framework = t('form.required');
    if (!draft.urgency) found.urgency = t('form.required');
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ submit });
  };

  const mapLegs = useMemo(
    () =>
      draft.legs
        .filter((l) => l.state)
        .map((l) => ({
          state: l.state!,
          entry: l.entryPoint,
          exit: l.hosts ? null : l.exitPoint,
          status: 'draft',
        })),
    [draft.legs],
  );
  const placed = [
    'title',
    'framework',
    'urgency',
    'classification',
    'purpose',
    'personnel',
    'name',
    'phone',
    'email',
    'rank',
  ];

  return (
    <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
      <form onSubmit={onSubmit(true)} noValidate data-testid="request-form">
        <Stack gap="lg">
          {mode.kind === 'amend' ? (
            <Alert
              color="blue"
              variant="light"
              icon={<IconInfoCircle aria-hidden />}
              data-testid="amend-hint"
            >
              {t('clearances.form.amendHint')}
            </Alert>
          ) : null}
          <FormError
            error={save.error}
            placed={[
              ...placed,
              ...Object.keys(fieldPaths(save.error))
                .filter((p) => /^(legs|assets|dangerousGoods)\./.test(p))
                .map((p) => p.split('.').pop() ?? p),
            ]}
          />

          <Section title={t('clearances.form.envelope')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('clearances.form.title')}
                required
                value={draft.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                error={errors.title}
                data-testid="request-title"
              />
              <TextInput
                label={t('clearances.form.operationName')}
                value={draft.operationName}
                onChange={(e) => set('operationName', e.currentTarget.value)}
                error={errors.operationName}
              />
              <Select
                label={t('clearances.form.framework')}
                required
                data={FRAMEWORKS.map((f) => ({ value: f, label: t(`clearances.framework.${f}`) }))}
                value={draft.framework}
                onChange={(v) => set('framework', v as RequestDraft['framework'])}
                error={errors.framework}
                data-testid="request-framework"
              />
              <Select
                label={t('clearances.form.urgency')}
                required
                data={URGENCIES.map((u) => ({ value: u, label: t(`clearances.urgency.${u}`) }))}
                value={draft.urgency}
                onChange={(v) => set('urgency', v as RequestDraft['urgency'])}
                error={errors.urgency}
                data-testid="request-urgency"
              />
              <Select
                label={t('clearances.form.classification')}
                data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`levels.${c}`) }))}
                value={draft.classification}
                onChange={(v) => set('classification', (v as RequestDraft['classification']) ?? 'restricted')}
                allowDeselect={false}
                error={errors.classification}
              />
            </SimpleGrid>
            <Text size="sm" fw={600}>
              {t('clearances.form.contact')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
              <TextInput
                label={t('clearances.form.contactName')}
                required
                value={draft.contactName}
                onChange={(e) => set('contactName', e.currentTarget.value)}
                error={errors['pointOfContact.name']}
                data-testid="contact-name"
              />
              <TextInput
                label={t('clearances.form.contactRank')}
                value={draft.contactRank}
                onChange={(e) => set('contactRank', e.currentTarget.value)}
                error={errors['pointOfContact.rank']}
              />
              <TextInput
                label={t('clearances.form.contactPhone')}
                required
                type="tel"
                value={draft.contactPhone}
                onChange={(e) => set('contactPhone', e.currentTarget.value)}
                error={errors['pointOfContact.phone']}
                data-testid="contact-phone"
              />
              <TextInput
                label={t('clearances.form.contactEmail')}
                type="email"
                value={draft.contactEmail}
                onChange={(e) => set('contactEmail', e.currentTarget.value)}
                error={errors['pointOfContact.email']}
              />
            </SimpleGrid>
          </Section>

          <Section title={t('clearances.form.itinerary')} hint={t('clearances.form.itineraryHint')}>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 8 }}>
                <LegEditor
                  legs={draft.legs}
                  onChange={(legs) => set('legs', legs)}
                  points={pointList}
                  members={members}
                  errors={errors}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 4 }}>
                <div style={{ position: 'sticky', top: 76 }}>
                  <MapPanel
                    legs={mapLegs}
                    points={pointList.map((p) => ({
                      code: p.code,
                      name: text(p.name),
                      lat: p.lat,
                      lon: p.lon,
                    }))}
                    members={members}
                    height={340}
                  />
                </div>
              </Grid.Col>
            </Grid>
            {errors.legs ? (
              <Text size="sm" c="red" role="alert">
                {errors.legs}
              </Text>
            ) : null}
          </Section>

          <Section title={t('clearances.form.assets')}>
            <AssetsEditor
              assets={draft.assets}
              onChange={(assets) => set('assets', assets)}
              errors={errors}
            />
          </Section>

          <Section title={t('clearances.form.personnelAndCargo')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('clearances.form.personnel')}
                min={0}
                allowDecimal={false}
                value={draft.personnel}
                onChange={(v) => set('personnel', Number(v) || 0)}
                error={errors.personnel}
                data-testid="request-personnel"
              />
              <Checkbox
                mt={28}
                label={t('clearances.form.armament')}
                checked={draft.armament}
                onChange={(e) => set('armament', e.currentTarget.checked)}
              />
            </SimpleGrid>
            <Text size="sm" fw={600}>
              {t('clearances.form.dangerousGoods')}
            </Text>
            <DangerousGoodsEditor
              lines={draft.dangerousGoods}
              onChange={(lines) => set('dangerousGoods', lines)}
              errors={errors}
            />
          </Section>

          <Section title={t('clearances.form.purpose')}>
            <Textarea
              label={t('clearances.form.purposeLabel')}
              required
              autosize
              minRows={3}
              maxRows={12}
              value={draft.purpose}
              onChange={(e) => set('purpose', e.currentTarget.value)}
              error={errors.purpose}
              data-testid="request-purpose"
            />
            {mode.kind === 'amend' ? (
              <TextInput
                label={t('clearances.form.amendReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
              />
            ) : null}
          </Section>

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => void navigate(-1)}>
              {t('common.cancel')}
            </Button>
            {mode.kind !== 'amend' ? (
              <Button
                variant="default"
                onClick={() => onSubmit(false)()}
                loading={save.isPending && save.variables?.submit === false}
                data-testid="save-draft"
              >
                {t('clearances.form.saveDraft')}
              </Button>
            ) : null}
            <Button
              type="submit"
              leftSection={<IconSend size={16} aria-hidden />}
              loading={save.isPending && save.variables?.submit !== false}
              data-testid="submit-request"
            >
              {mode.kind === 'amend' ? t('clearances.form.submitAmendment') : t('clearances.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
