import { Alert, Button, Card, Group, Stack, Textarea } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import { IconDeviceFloppy, IconRefresh, IconSend } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, client, ok } from '../../api/client.ts';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { type CorrectReportBody, type CreateReportBody, type Report, useReportMutation } from './api.ts';
import { type ReportDraft, toContent } from './draft.ts';
import { SourceSection, WhatSection, WhereSection, WhoSection } from './ReportFormSections.tsx';

/** The fields the form shows, by the last part of their path (what FormError leaves to them). */
const PLACED = [
  'title',
  'description',
  'category',
  'occurredAt',
  'timePrecision',
  'point',
  'latitude',
  'longitude',
  'precision',
  'name',
  'distanceKm',
  'direction',
  'region',
  'state',
  'actors',
  'fatalities',
  'injured',
  'reliability',
  'credibility',
  'classification',
  'protection',
  'reason',
];

/**
 * The report form: what, when, where (the point picked on the map), who, the source and its
 * grading, classification and protection. A new report or a draft is saved or submitted for
 * review; a submitted one is corrected with a reason. The server's reasons are shown on their
 * fields; a change made meanwhile by someone else (409) is said plainly, with a reload.
 */
export function ReportForm({
  initial,
  report,
  onReload,
}: {
  initial: ReportDraft;
  /** The report being edited; absent for a new one. */
  report?: Report;
  /** Reads the report again and starts over from it (after a 409). */
  onReload?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ReportDraft>(initial);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const correcting = !!report && report.status !== 'draft';
  // The version the form was opened on: a live refresh of the report must not move it on, so
  // a change made meanwhile by someone else is refused (409) rather than overwritten.
  const [baseVersion] = useState(report?.version ?? 0);

  const save = useReportMutation(
    async ({ submit }: { submit: boolean }) => {
      const content = toContent(draft);
      if (!report)
        return ok(client.POST('/api/reports', { body: { ...content, submit } as CreateReportBody }));
      const params = { path: { id: report.id } };
      const saved = await ok(
        client.PUT('/api/reports/{id}', {
          params,
          body: {
            ...content,
            version: baseVersion,
            ...(correcting ? { reason: reason.trim() } : {}),
          } as CorrectReportBody,
        }),
      );
      return submit && saved.report.abilities.submit
        ? ok(client.POST('/api/reports/{id}/submit', { params }))
        : saved;
    },
    (saved) => {
      notifySuccess(
        correcting
          ? t('monitoring.form.corrected', { reference: saved.reference })
          : saved.status === 'draft'
            ? t('monitoring.form.draftSaved', { reference: saved.reference })
            : t('monitoring.form.submitted', { reference: saved.reference }),
      );
      void navigate(`/reports/${saved.id}`);
    },
  );

  const stale = save.error instanceof ApiError && save.error.status === 409;
  // The form is long: after a refusal, bring the message (a stale version: beside the buttons)
  // or the first field it names into view.
  const formRef = useRef<HTMLFormElement>(null);
  const problem = save.error ?? (Object.keys(checked).length ? checked : null);
  useEffect(() => {
    if (!problem) return;
    const first = formRef.current?.querySelector<HTMLElement>('[role="alert"], [aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [problem]);
  const errors = { ...fieldPaths(save.error), ...checked };
  const onSubmit = (submit: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.title.trim()) found.title = t('form.required');
    if (!draft.category) found.category = t('form.required');
    if (!draft.occurredAt) found.occurredAt = t('form.required');
    if (correcting && !reason.trim()) found.reason = t('form.required');
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ submit });
  };

  return (
    <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
      <form ref={formRef} onSubmit={onSubmit(!correcting)} noValidate data-testid="report-form">
        <Stack gap="lg">
          {stale ? null : <FormError error={save.error} placed={PLACED} />}
          <WhatSection draft={draft} set={set} errors={errors} />
          <WhereSection draft={draft} set={set} errors={errors} />
          <WhoSection draft={draft} set={set} errors={errors} />
          <SourceSection draft={draft} set={set} errors={errors} />
          <Card>
            <Stack gap="md">
              {stale ? (
                <Alert
                  color="orange"
                  variant="light"
                  role="alert"
                  title={t('monitoring.form.staleTitle')}
                  data-testid="stale-version"
                >
                  <Stack gap="xs" align="flex-start">
                    {t('monitoring.form.staleText')}
                    {onReload ? (
                      <Button
                        variant="light"
                        color="orange"
                        size="xs"
                        leftSection={<IconRefresh size={14} aria-hidden />}
                        onClick={onReload}
                        data-testid="reload-report"
                      >
                        {t('monitoring.form.reload')}
                      </Button>
                    ) : null}
                  </Stack>
                </Alert>
              ) : null}
              {correcting ? (
                <Textarea
                  label={t('monitoring.form.reason')}
                  description={t('monitoring.form.reasonHint')}
                  required
                  autosize
                  minRows={2}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errors.reason}
                  data-testid="report-reason"
                />
              ) : null}
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="default"
                  onClick={() => void navigate(report ? `/reports/${report.id}` : '/reports')}
                >
                  {t('common.cancel')}
                </Button>
                {correcting ? (
                  <Button
                    type="submit"
                    loading={save.isPending}
                    leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                    data-testid="save-correction"
                  >
                    {t('monitoring.form.saveCorrection')}
                  </Button>
                ) : (
                  <>
                    <Button
                      variant="default"
                      onClick={() => onSubmit(false)()}
                      loading={save.isPending && save.variables?.submit === false}
                      disabled={save.isPending}
                      leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                      data-testid="save-draft"
                    >
                      {t('monitoring.form.saveDraft')}
                    </Button>
                    <Button
                      type="submit"
                      loading={save.isPending && save.variables?.submit === true}
                      disabled={save.isPending}
                      leftSection={<IconSend size={16} aria-hidden />}
                      data-testid="submit-report"
                    >
                      {t('monitoring.form.submit')}
                    </Button>
                  </>
                )}
              </Group>
            </Stack>
          </Card>
        </Stack>
      </form>
    </DatesProvider>
  );
}
