import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../../session.tsx';
import { ProofCheck } from './ProofCheck.tsx';
import { type EntryStanding, standingKind, useCosignerList } from './standing.ts';

const BADGE_COLOR = { pending: 'gray', signed: 'blue', witnessed: 'teal' } as const;

/**
 * Where a record entry stands, in words: "Witnessed in checkpoint of size N by witness.by
 * (Belarus), … — 2 of 2 needed", "Signed by the server, not yet witnessed (0 of 2)" or
 * "Pending: not yet in a checkpoint"; what the server's own check found amiss; and, for a
 * signed-in reader, the button that checks the proof in their browser.
 */
export function RecordStanding({
  standing,
  onChecked,
  testId = 'record-standing',
}: {
  standing: EntryStanding;
  onChecked?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const { user } = useSession();
  const cosignerList = useCosignerList();
  const kind = standingKind(standing);
  const cp = standing.checkpoint;
  const count = cp?.cosigners.length ?? 0;
  const sentence = !cp
    ? t('record.standing.pending')
    : cp.witnessed
      ? t('record.standing.witnessed', {
          size: number(cp.size),
          cosigners: cosignerList(cp.cosigners),
          count,
          quorum: cp.quorum,
        })
      : cp.quorum === 0
        ? t('record.standing.signedNoWitnesses')
        : t('record.standing.signed', { count, quorum: cp.quorum });
  const broken = cp
    ? [!cp.signatureValid && 'badSignature', !cp.proofValid && 'badProof'].filter(Boolean)
    : [];
  return (
    <Stack gap={6} data-testid={testId} data-standing={kind}>
      <Text size="sm" lh={1.7}>
        <Badge
          color={BADGE_COLOR[kind]}
          variant="light"
          radius="sm"
          tt="none"
          fw={600}
          mr={8}
          style={{ verticalAlign: 'text-bottom' }}
        >
          {t(`record.standing.badge.${kind}`)}
        </Badge>
        <span data-testid="standing-sentence">{sentence}</span>
      </Text>
      {cp ? (
        <Text size="xs" c="dimmed">
          {t('record.standing.checkpoint', {
            size: number(cp.size),
            at: dateTime(cp.signedAt),
            keyId: cp.keyId,
          })}
          {!cp.witnessed && count > 0
            ? ` ${t('record.standing.cosignedSoFar', { cosigners: cosignerList(cp.cosigners) })}`
            : ''}
        </Text>
      ) : null}
      {broken.map((key) => (
        <Group key={String(key)} gap={6} wrap="nowrap">
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          <Text size="sm" c="red.8">
            {t(`record.standing.${key}`)}
          </Text>
        </Group>
      ))}
      {user ? (
        <ProofCheck seq={standing.seq} size={cp?.size} onChecked={onChecked} />
      ) : (
        <Text size="xs" c="dimmed" className="no-print">
          {t('record.proof.signIn')}
        </Text>
      )}
    </Stack>
  );
}
