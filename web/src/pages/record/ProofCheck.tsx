import { Button, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconClockHour4,
  IconMinus,
  IconShieldCheck,
  IconShieldSearch,
  IconX,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, client, ok } from '../../api/client.ts';
import { ErrorAlert } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import {
  type BrowserProofCheck,
  checkProofInBrowser,
  type ProofStep,
  type ProofStepStatus,
} from '../../lib/proof.ts';

/**
 * Fetches an entry's inclusion proof and the keys the organisation publishes, and checks the
 * proof here, with WebCrypto alone (lib/proof.ts): nothing the server computed is trusted.
 */
async function checkInThisBrowser(seq: number, size: number | undefined) {
  const [proof, keys, witnesses] = await Promise.all([
    ok(client.GET('/api/ledger/proof', { params: { query: size ? { seq, size } : { seq } } })),
    ok(client.GET('/api/ledger/public-keys')),
    ok(client.GET('/api/ledger/witnesses')),
  ]);
  return checkProofInBrowser(proof, {
    logKeys: keys.items.flatMap((k) => (k.verifierKey ? [k.verifierKey] : [])),
    witnesses: witnesses.items,
    quorum: witnesses.quorum,
  });
}

const STATUS_LOOK: Record<ProofStepStatus, { color: string; icon: typeof IconCheck }> = {
  passed: { color: 'teal', icon: IconCheck },
  failed: { color: 'red', icon: IconX },
  pending: { color: 'yellow', icon: IconClockHour4 },
  skipped: { color: 'gray', icon: IconMinus },
};

function StepLine({ step, check }: { step: ProofStep; check: BrowserProofCheck }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const look = STATUS_LOOK[step.status];
  const Icon = look.icon;
  const own = `record.proof.steps.${step.step}.${step.status === 'passed' ? 'passed' : step.reason}`;
  const key = i18n.exists(own) ? own : `record.proof.reasons.${step.reason}`;
  return (
    <List.Item
      data-testid="proof-step"
      data-step={step.step}
      data-status={step.status}
      icon={
        <ThemeIcon color={look.color} variant="light" size={20} radius="xl">
          <Icon size={13} aria-hidden />
        </ThemeIcon>
      }
    >
      <Text size="sm" span>
        {t(key, {
          seq: number(check.seq),
          size: check.size === null ? '—' : number(check.size),
          keyId: check.logKeyId ?? '—',
          witnesses: check.witnessedBy.join(', '),
          count: check.witnessedBy.length,
          quorum: check.quorum,
          detail: step.detail ?? '',
        })}
      </Text>{' '}
      <Text size="xs" c="dimmed" span>
        ({t(`record.proof.status.${step.status}`)})
      </Text>
    </List.Item>
  );
}

/** The check's verdict and each step, passed or not. */
function CheckResult({ check }: { check: BrowserProofCheck }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const verdict = !check.ok
    ? 'failed'
    : !check.ed25519
      ? 'unsupported'
      : check.witnessed
        ? 'witnessed'
        : 'signed';
  const color = { failed: 'red', unsupported: 'yellow', witnessed: 'teal', signed: 'teal' }[verdict];
  const Icon = verdict === 'failed' || verdict === 'unsupported' ? IconAlertTriangle : IconShieldCheck;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg="white"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
      data-testid="proof-check-result"
      data-ok={check.ok}
      data-witnessed={check.witnessed}
      role={check.ok ? 'status' : 'alert'}
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Icon size={20} color={`var(--mantine-color-${color}-7)`} aria-hidden style={{ flexShrink: 0 }} />
          <Text fw={600} size="sm" c={`${color}.8`}>
            {t(`record.proof.verdict.${verdict}`, {
              seq: number(check.seq),
              size: check.size === null ? '—' : number(check.size),
            })}
          </Text>
        </Group>
        <List spacing={6} size="sm" center>
          {check.steps.map((step) => (
            <StepLine key={step.step} step={step} check={check} />
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('record.proof.keysNote', { keyId: check.logKeyId ?? '—' })}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * "Check the proof in this browser" for record entry `seq`, against the checkpoint of `size`
 * (the one the page shows) or, without one, the checkpoint the server signs for it.
 * `onChecked` lets the page refresh where the entry stands afterwards.
 */
export function ProofCheck({
  seq,
  size,
  onChecked,
}: {
  seq: number;
  size?: number | null;
  onChecked?: () => void;
}) {
  const { t } = useTranslation();
  const check = useMutation({
    mutationFn: () => checkInThisBrowser(seq, size ?? undefined),
    onSuccess: () => onChecked?.(),
  });
  return (
    <Stack gap="sm" className="no-print" data-testid="proof-check">
      <div>
        <Button
          variant="default"
          leftSection={<IconShieldSearch size={16} aria-hidden />}
          onClick={() => check.mutate()}
          loading={check.isPending}
          data-testid="proof-check-button"
        >
          {check.data || check.error ? t('record.proof.again') : t('record.proof.button')}
        </Button>
        <Text size="xs" c="dimmed" mt={6} maw={720}>
          {t('record.proof.explain')}
        </Text>
      </div>
      {check.data ? <CheckResult check={check.data} /> : null}
      {check.error instanceof ApiError && check.error.status === 404 ? (
        <Text size="sm" c="dimmed" data-testid="proof-check-closed">
          {t('record.proof.notOpen')}
        </Text>
      ) : check.error ? (
        <ErrorAlert error={check.error} />
      ) : null}
    </Stack>
  );
}
