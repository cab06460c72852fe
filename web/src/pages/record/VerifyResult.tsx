import { Alert, List, Text } from '@mantine/core';
import { IconAlertOctagon, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { VerifyResult } from '../../types.ts';

type Checkpoint = NonNullable<VerifyResult['checkpoint']>;

/** The newest checkpoint as the full verification read it: its signature, and who co-signed it. */
function CheckpointLine({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const args = { size: number(checkpoint.size), keyId: checkpoint.keyId };
  return (
    <>
      {t(checkpoint.valid ? 'record.verify.checkpointValid' : 'record.verify.checkpointInvalid', args)}{' '}
      {checkpoint.witnessed
        ? t('record.verify.witnessedBy', { cosigners: checkpoint.cosigners.join(', ') })
        : checkpoint.cosigners.length
          ? t('record.verify.notWitnessedYet', { cosigners: checkpoint.cosigners.join(', ') })
          : t('record.verify.notWitnessed')}
    </>
  );
}

/** What the anchors say: trusted checkpoints matched, or none to compare with. */
function AnchorsLine({ anchors }: { anchors: number }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <>
      {anchors > 0
        ? t('record.verify.anchors', { count: anchors, anchors: number(anchors) })
        : t('record.verify.noAnchors')}
    </>
  );
}

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
        <Text size="sm" mt={6} data-testid="verify-checkpoint">
          {checkpoint ? <CheckpointLine checkpoint={checkpoint} /> : t('record.verify.noCheckpoint')}
        </Text>
        <Text size="sm" mt={6} data-testid="verify-anchors">
          <AnchorsLine anchors={result.anchors} />
        </Text>
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
        {checkpoint ? (
          <List.Item>
            <CheckpointLine checkpoint={checkpoint} />
          </List.Item>
        ) : null}
        <List.Item>
          <AnchorsLine anchors={result.anchors} />
        </List.Item>
      </List>
    </Alert>
  );
}
