import { Badge, Box, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVersionDiff } from '../../queries.ts';
import type { Proposal, VersionDiff } from '../../types.ts';
import { useStateName } from './labels.ts';

const LINE_STYLE = {
  added: { bg: 'teal.0', sign: '+', color: 'teal.9' },
  removed: { bg: 'red.0', sign: '−', color: 'red.9' },
  same: { bg: undefined, sign: ' ', color: undefined },
} as const;

/** A line diff: removed lines struck through in red, added ones in green, the rest as they were. */
function DiffView({ diff }: { diff: VersionDiff }) {
  const { t } = useTranslation();
  const changed = diff.lines.filter((l) => l.op !== 'same').length;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {changed === 0
          ? t('decisions.versions.noChange')
          : t('decisions.versions.changed', {
              added: diff.lines.filter((l) => l.op === 'added').length,
              removed: diff.lines.filter((l) => l.op === 'removed').length,
            })}
      </Text>
      <Paper p={0} style={{ overflow: 'hidden' }} data-testid="diff">
        {diff.lines.map((line, i) => {
          const style = LINE_STYLE[line.op];
          return (
            <Box
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their position
              key={i}
              bg={style.bg}
              px="sm"
              py={2}
              data-op={line.op}
              style={{ display: 'flex', gap: 8, fontSize: 'var(--mantine-font-size-sm)' }}
            >
              <Text
                span
                ff="monospace"
                c={style.color ?? 'dimmed'}
                aria-hidden
                w={14}
                style={{ flexShrink: 0 }}
              >
                {style.sign}
              </Text>
              <Text
                span
                size="sm"
                c={style.color}
                td={line.op === 'removed' ? 'line-through' : undefined}
                style={{ whiteSpace: 'pre-wrap', minHeight: '1.4em' }}
              >
                {line.op !== 'same' ? (
                  <VisuallyHidden component="span">
                    {line.op === 'added'
                      ? t('decisions.versions.addedLine')
                      : t('decisions.versions.removedLine')}{' '}
                  </VisuallyHidden>
                ) : null}
                {line.text}
              </Text>
            </Box>
          );
        })}
      </Paper>
    </Stack>
  );
}

/** Every version of the proposal, and a readable comparison of any two. */
export function VersionHistory({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  const versions = proposal.versions;
  const latest = proposal.latestVersion;
  const [from, setFrom] = useState<number | null>(versions.length > 1 ? latest - 1 : null);
  const [to, setTo] = useState<number | null>(versions.length > 1 ? latest : null);
  const diff = useVersionDiff(proposal.id, from, to);
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t('decisions.versions.n', { n: v.version }),
  }));

  return (
    <Stack gap="md" data-testid="versions">
      <Title order={2} fz="lg">
        {t('decisions.versions.title')}
      </Title>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={520} type="native">
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('decisions.versions.version')}</Table.Th>
                <Table.Th>{t('decisions.versions.origin')}</Table.Th>
                <Table.Th>{t('decisions.versions.by')}</Table.Th>
                <Table.Th>{t('decisions.versions.at')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {v.version}
                      </Text>
                      {v.version === latest ? (
                        <Badge size="xs" variant="light" radius="sm">
                          {t('decisions.versions.latest')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {t(`decisions.versions.origins.${v.origin}`)}
                    {v.originState ? ` · ${stateName(v.originState)}` : ''}
                  </Table.Td>
                  <Table.Td>{v.createdBy}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(v.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {versions.length > 1 ? (
        <Stack gap="sm">
          <Group gap="sm" align="flex-end">
            <Select
              label={t('decisions.versions.compare')}
              data={options}
              value={from === null ? null : String(from)}
              onChange={(v) => setFrom(v ? Number(v) : null)}
              allowDeselect={false}
              w={160}
              data-testid="diff-from"
            />
            <Select
              label={t('decisions.versions.with')}
              data={options}
              value={to === null ? null : String(to)}
              onChange={(v) => setTo(v ? Number(v) : null)}
              allowDeselect={false}
              w={160}
              data-testid="diff-to"
            />
          </Group>
          {from === to ? (
            <Text size="sm" c="dimmed">
              {t('decisions.versions.pickTwo')}
            </Text>
          ) : (
            <QueryState query={diff}>{(d) => <DiffView diff={d} />}</QueryState>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('decisions.versions.onlyOne')}
        </Text>
      )}
    </Stack>
  );
}
