import { Alert, List, Text } from '@mantine/core';
import { IconAlertOctagon, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { VerifyResult } from '../../types.ts';

export function VerifyResultPanel({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const checkpoint = result.checkpoint;

  if (result.ok) {
    return (
      <Alert
        color="teal"
        variant="light"
        radius="md"
        icon={<IconShieldCheck aria-hidden />}
        title={t('record.verify.okTitle')}
        data-testid="verify-result"
        data-ok="true"
        role="status"
      >
        <Text size="sm">
          {t('record.verify.okBody', {
            count: result.checked,
            checked: number(result.checked),
            head: number(result.headSeq),
          })}
        </Text>
        {result.hiddenPayloads ? (
          <Text size="sm" mt={6}>
            {t('record.verify.hidden', {
              count: result.hiddenPayloads,
              hidden: number(result.hiddenPayloads),
            })}
          </Text>
        ) : null}
        {checkpoint ? (
          <Text size="sm" mt={6}>
            {t(checkpoint.valid ? 'record.verify.checkpointValid' : 'record.verify.checkpointInvalid', {
              seq: number(checkpoint.size),
              keyId: checkpoint.keyId,
            })}
          </Text>
        ) : (
          <Text size="sm" mt={6}>
            {t('record.verify.noCheckpoint')}
          </Text>
        )}
      </Alert>
    );
  }

  return (
    <Alert
      color="red"
      variant="light"
      radius="md"
      icon={<IconAlertOctagon aria-hidden />}
      title={t('record.verify.failTitle')}
      data-testid="verify-result"
      data-ok="false"
      role="alert"
    >
      <List size="sm" spacing={4}>
        {result.firstBad ? (
          <List.Item>
            {t('record.verify.firstBad', {
              seq: number(result.firstBad.seq),
              reason: result.firstBad.reason,
            })}
          </List.Item>
        ) : null}
        <List.Item>
          {t('record.verify.checkedBefore', { count: result.checked, checked: number(result.checked) })}
        </List.Item>
        {checkpoint && !checkpoint.valid ? (
          <List.Item>
            {t('record.verify.checkpointInvalid', {
              seq: number(checkpoint.size),
              keyId: checkpoint.keyId,
            })}
          </List.Item>
        ) : null}
      </List>
    </Alert>
  );
}
