import { Anchor, Code, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppModal } from '../../components/AppModal.tsx';
import { useFormat } from '../../i18n/format.ts';
import { accessLevelStated } from './access-level.ts';
import { useActionLabel, useSubjectTypeLabel } from './labels.ts';
import { useDelegationName, useSubjectName } from './names.ts';
import type { RecordEntry } from './types.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

export function EntryDetails({ entry, onClose }: { entry: RecordEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const actionLabel = useActionLabel();
  const subjectTypeLabel = useSubjectTypeLabel();
  const subjectName = useSubjectName();
  const delegationName = useDelegationName();
  const accessLevel = entry ? accessLevelStated(entry) : null;
  return (
    <AppModal
      opened={entry !== null}
      onClose={onClose}
      size="lg"
      title={entry ? t('record.details.title', { seq: number(entry.seq) }) : ''}
    >
      {entry ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Field label={t('record.columns.action')}>
              <Text size="sm">{actionLabel(entry.action)}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {entry.action}
              </Text>
            </Field>
            <Field label={t('record.columns.at')}>
              <Text size="sm">{dateTime(entry.at)}</Text>
            </Field>
            <Field label={t('record.columns.actor')}>
              <Text size="sm">{entry.actorName ?? entry.actorLabel}</Text>
              <Text size="xs" c="dimmed">
                {entry.actorLabel}
                {entry.delegation ? ` · ${delegationName(entry.delegation)}` : ''}
              </Text>
            </Field>
            <Field label={t('record.columns.subject')}>
              <Text size="sm">
                {subjectTypeLabel(entry.subjectType)}:{' '}
                {entry.subjectPath ? (
                  <Anchor component={Link} to={entry.subjectPath} onClick={onClose}>
                    {subjectName(entry)}
                  </Anchor>
                ) : (
                  subjectName(entry)
                )}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {entry.subjectType}: {entry.subjectId}
              </Text>
            </Field>
            {accessLevel ? (
              <Field label={t('users.fields.accessLevel')}>
                <Text size="sm" data-testid="entry-access-level">
                  {t(`levels.${accessLevel}`)}
                </Text>
              </Field>
            ) : null}
          </SimpleGrid>
          <Field label={t('record.details.payload')}>
            {entry.payload ? (
              <Code block mt={4} style={{ maxHeight: 260, overflow: 'auto' }}>
                {JSON.stringify(entry.payload, null, 2)}
              </Code>
            ) : (
              <Text size="sm" c="dimmed">
                {t('record.details.payloadHidden')}
              </Text>
            )}
          </Field>
          <Field label={t('record.details.hash')}>
            <Code style={{ wordBreak: 'break-all' }}>{entry.hash}</Code>
          </Field>
          <Field label={t('record.details.prevHash')}>
            <Code style={{ wordBreak: 'break-all' }}>{entry.prevHash}</Code>
          </Field>
        </Stack>
      ) : null}
    </AppModal>
  );
}
