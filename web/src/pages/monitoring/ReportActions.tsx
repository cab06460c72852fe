import { Button, Group, Menu, Select, Stack, Textarea } from '@mantine/core';
import {
  IconArchive,
  IconCheck,
  IconChevronDown,
  IconCopy,
  IconEye,
  IconPencil,
  IconSend,
  IconWorld,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { REPORT_KEYS, type Report, useReportMutation } from './api.ts';

type Step = 'submit' | 'review' | 'verify';

/** Archiving: the reason is required and kept with the report. */
function ArchiveModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const archive = useReportMutation(
    (why: string) =>
      ok(
        client.POST('/api/reports/{id}/archive', {
          params: { path: { id: report.id } },
          body: { reason: why },
        }),
      ),
    (saved) => {
      notifySuccess(t('monitoring.actions.archived', { reference: saved.reference }));
      onClose();
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!reason.trim());
    if (reason.trim()) archive.mutate(reason.trim());
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('monitoring.actions.archiveTitle', { reference: report.reference })}
    >
      <form onSubmit={submit} noValidate data-testid="archive-form">
        <Stack gap="md">
          <FormError error={archive.error} placed={['reason']} />
          <Textarea
            label={t('monitoring.actions.archiveReason')}
            description={t('monitoring.actions.archiveHint')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing ? t('form.required') : fieldPaths(archive.error).reason}
            data-testid="archive-reason"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={archive.isPending} data-testid="archive-submit">
              {t('monitoring.actions.archive')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Marking as a duplicate: the report kept, chosen by its reference, and why. */
function MergeModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const [into, setInto] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  // The reports it may duplicate: the newest the reader sees that stay (neither drafts nor archived).
  const candidates = useQuery({
    queryKey: [...REPORT_KEYS.all, 'merge-candidates'],
    queryFn: ({ signal }) => ok(client.GET('/api/reports', { params: { query: { limit: 500 } }, signal })),
  });
  const options = (candidates.data?.items ?? [])
    .filter((r) => r.id !== report.id && r.status !== 'draft' && r.status !== 'archived')
    .map((r) => ({ value: r.id, label: `${r.reference} · ${r.title}` }));
  const merge = useReportMutation(
    (body: { into: string; reason: string }) =>
      ok(client.POST('/api/reports/{id}/merge', { params: { path: { id: report.id } }, body })),
    (saved) => {
      notifySuccess(t('monitoring.actions.merged', { reference: saved.reference }));
      onClose();
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!into);
    if (into) merge.mutate({ into, reason: reason.trim() });
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('monitoring.actions.mergeTitle', { reference: report.reference })}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="merge-form">
        <Stack gap="md">
          <FormError error={merge.error} placed={['into', 'reason']} />
          <Select
            label={t('monitoring.actions.mergeInto')}
            description={t('monitoring.actions.mergeHint')}
            data={options}
            value={into}
            onChange={setInto}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
            error={missing ? t('form.required') : fieldPaths(merge.error).into}
            data-testid="merge-into"
          />
          <Textarea
            label={t('monitoring.actions.mergeReason')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldPaths(merge.error).reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={merge.isPending} data-testid="merge-submit">
              {t('monitoring.actions.merge')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * What the reader may do with the report, from the abilities the server sends; which review
 * step is next follows from where the report stands (the server refuses a step out of turn).
 */
export function ReportActions({ report }: { report: Report }) {
  const { t } = useTranslation();
  const [modal, setModal] = useState<'archive' | 'merge' | null>(null);
  const { abilities, status } = report;
  const params = { params: { path: { id: report.id } } };
  const step = useReportMutation(
    (which: Step) =>
      ok(
        which === 'submit'
          ? client.POST('/api/reports/{id}/submit', params)
          : which === 'review'
            ? client.POST('/api/reports/{id}/review', params)
            : client.POST('/api/reports/{id}/verify', params),
      ),
    (saved) => notifySuccess(t(`monitoring.actions.done.${saved.status}`, { reference: saved.reference })),
  );
  const publish = useReportMutation(
    (to: 'members' | 'partners') => ok(client.POST('/api/reports/{id}/publish', { ...params, body: { to } })),
    (saved) =>
      notifySuccess(
        t(`monitoring.actions.done.published_${saved.publishedTo ?? 'members'}`, {
          reference: saved.reference,
        }),
      ),
  );
  const busy = step.isPending || publish.isPending;
  const stepButton = (which: Step, label: string, Icon: typeof IconSend) => (
    <Button
      key={which}
      onClick={() => step.mutate(which)}
      loading={step.isPending && step.variables === which}
      disabled={busy}
      leftSection={<Icon size={16} aria-hidden />}
      data-testid={`action-${which}`}
    >
      {label}
    </Button>
  );

  const buttons = [
    abilities.submit && status === 'draft'
      ? stepButton('submit', t('monitoring.actions.submit'), IconSend)
      : null,
    abilities.review && status === 'submitted'
      ? stepButton('review', t('monitoring.actions.review'), IconEye)
      : null,
    abilities.review && (status === 'submitted' || status === 'under_review')
      ? stepButton('verify', t('monitoring.actions.verify'), IconCheck)
      : null,
    abilities.publish && status === 'verified' ? (
      <Menu key="publish" position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            loading={publish.isPending}
            disabled={busy}
            leftSection={<IconWorld size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            data-testid="action-publish"
          >
            {t('monitoring.actions.publish')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => publish.mutate('members')} data-testid="publish-members">
            {t('monitoring.actions.publishMembers')}
          </Menu.Item>
          <Menu.Item onClick={() => publish.mutate('partners')} data-testid="publish-partners">
            {t('monitoring.actions.publishPartners')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    ) : null,
    abilities.correct && status !== 'archived' ? (
      <Button
        key="correct"
        variant="default"
        component={Link}
        to={`/reports/${report.id}/edit`}
        leftSection={<IconPencil size={16} aria-hidden />}
        data-testid="action-correct"
      >
        {status === 'draft' ? t('monitoring.actions.edit') : t('monitoring.actions.correct')}
      </Button>
    ) : null,
    abilities.merge && status !== 'draft' && status !== 'archived' ? (
      <Button
        key="merge"
        variant="default"
        onClick={() => setModal('merge')}
        leftSection={<IconCopy size={16} aria-hidden />}
        data-testid="action-merge"
      >
        {t('monitoring.actions.markDuplicate')}
      </Button>
    ) : null,
    abilities.archive && status !== 'archived' ? (
      <Button
        key="archive"
        variant="default"
        color="red"
        onClick={() => setModal('archive')}
        leftSection={<IconArchive size={16} aria-hidden />}
        data-testid="action-archive"
      >
        {t('monitoring.actions.archive')}
      </Button>
    ) : null,
  ].filter(Boolean);

  return (
    <>
      <FormError error={step.error ?? publish.error} placed={[]} />
      {buttons.length ? (
        <Group gap="sm" data-testid="report-actions">
          {buttons}
        </Group>
      ) : null}
      {modal === 'archive' ? <ArchiveModal report={report} onClose={() => setModal(null)} /> : null}
      {modal === 'merge' ? <MergeModal report={report} onClose={() => setModal(null)} /> : null}
    </>
  );
}
