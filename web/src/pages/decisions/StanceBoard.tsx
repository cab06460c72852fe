import { Badge, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Procedure, Stance } from '../../types.ts';
import { StanceBadge } from './badges.tsx';
import { useStateList, useStateName } from './labels.ts';

/** The stance board: one row per state, one column per point, each cell the current stance. */
export function StanceBoard({ procedure, ownState }: { procedure: Procedure; ownState: string | null }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  const stateList = useStateList();
  const texts = new Map(procedure.points.map((p) => [p.key, p.text]));
  const tooltip = (stance: Stance) =>
    [
      stance.text,
      t('decisions.board.givenBy', { by: stance.givenBy, at: dateTime(stance.givenAt) }),
      stance.amendmentVersion
        ? t('decisions.board.amendmentVersion', { version: stance.amendmentVersion })
        : null,
    ]
      .filter(Boolean)
      .join(' — ');

  // Who has not answered: one line when every point lacks the same states, else one per point.
  const waiting = procedure.notAnswered.filter((n) => n.states.length > 0);
  const sameEverywhere =
    waiting.length === procedure.notAnswered.length &&
    waiting.every((n) => n.states.join() === waiting[0]?.states.join());

  return (
    <Stack gap="sm">
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={200 + procedure.points.length * 150} type="native">
          <Table data-testid="stance-board" highlightOnHover={false} verticalSpacing="xs">
            <caption
              style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
            >
              {t('decisions.board.caption')}
            </caption>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th scope="col">
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }}>
                    {t('decisions.board.state')}
                  </Text>
                </Table.Th>
                {procedure.points.map((p) => (
                  <Table.Th key={p.key} scope="col">
                    <Tooltip
                      label={texts.get(p.key)}
                      multiline
                      maw={360}
                      withArrow
                      disabled={!texts.get(p.key)}
                    >
                      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }}>
                        {t('decisions.pointN', { key: p.key })}
                      </Text>
                    </Tooltip>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {procedure.board.map((row) => (
                <Table.Tr
                  key={row.state}
                  data-testid={`board-row-${row.state}`}
                  bg={row.state === ownState ? 'navy.0' : undefined}
                >
                  <Table.Th scope="row" fw={500}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {stateName(row.state)}
                      </Text>
                      {row.state === ownState ? (
                        <Badge size="xs" variant="filled" radius="sm">
                          {t('decisions.board.you')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Th>
                  {row.points.map((cell) => (
                    <Table.Td key={cell.point} data-testid={`stance-${row.state}-${cell.point}`}>
                      {row.excluded ? (
                        <StanceBadge kind="excluded" />
                      ) : cell.stance ? (
                        <StanceBadge kind={cell.stance.kind} tooltip={tooltip(cell.stance)} />
                      ) : (
                        <StanceBadge kind="no_answer" />
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {waiting.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="not-answered">
          {t('decisions.board.allAnswered')}
        </Text>
      ) : sameEverywhere ? (
        <Text size="sm" data-testid="not-answered">
          {t(procedure.status === 'open' ? 'decisions.board.notAnsweredAll' : 'decisions.board.noAnswerAll', {
            count: waiting[0].states.length,
            states: stateList(waiting[0].states),
          })}
        </Text>
      ) : (
        <Stack gap={2} data-testid="not-answered">
          {waiting.map((n) => (
            <Text key={n.point} size="sm">
              {t(
                procedure.status === 'open'
                  ? 'decisions.board.notAnsweredPoint'
                  : 'decisions.board.noAnswerPoint',
                {
                  key: n.point,
                  states: stateList(n.states),
                },
              )}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
