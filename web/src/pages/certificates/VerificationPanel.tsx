import { Alert, Code, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { RecordStanding } from '../record/RecordStanding.tsx';
import type { Verification } from './types.ts';

/** Whether the certificate holds against the record, and how it was checked. */
export function VerificationPanel({
  verification: v,
  onChecked,
}: {
  verification: Verification;
  /** After the proof was checked in the browser: refresh the verification (a checkpoint may be new). */
  onChecked?: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const good = v.verified && v.status === 'valid';
  const title = v.pending
    ? t('certificate.verify.pending')
    : !v.verified
      ? t('certificate.verify.broken')
      : v.status === 'valid'
        ? t('certificate.verify.valid')
        : t(`certificate.verify.${v.status}`);
  return (
    <Alert
      color={good ? 'teal' : v.verified || v.pending ? 'yellow' : 'red'}
      variant="light"
      icon={good ? <IconRosetteDiscountCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
      title={title}
      data-testid="verification"
      data-verified={v.verified}
      data-status={v.status}
      data-pending={v.pending}
    >
      <Stack gap={6}>
        {v.problems.length ? (
          <List size="sm">
            {v.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        ) : null}
        {v.record ? (
          <>
            <Text size="sm">
              {t('certificate.verify.entry', { seq: v.record.seq, at: dateTime(v.record.at) })}
            </Text>
            <RecordStanding standing={v.record} onChecked={onChecked} />
          </>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('certificate.verify.digest')} <Code>{v.digest}</Code>
        </Text>
      </Stack>
    </Alert>
  );
}
