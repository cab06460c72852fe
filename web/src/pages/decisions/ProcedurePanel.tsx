import {
  Accordion,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconGavel, IconHandStop, IconMessageCircle, IconScale } from '@tabler/icons-react';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useProcedure } from '../../queries.ts';
import { useMe } from '../../session.tsx';
import type { Procedure } from '../../types.ts';
import { BreakSilenceModal } from './BreakSilenceModal.tsx';
import { ResultBadge, StanceBadge } from './badges.tsx';
import { CloseProcedureModal } from './CloseProcedureModal.tsx';
import { Countdown } from './Countdown.tsx';
import { closedAtDeadline, useDecisionLabel, useStateName } from './labels.ts';
import { useRefreshDecisions } from './mutations.ts';
import { OutcomePanel } from './OutcomePanel.tsx';
import { useRuleSentence } from './rule.ts';
import { StanceBoard } from './StanceBoard.tsx';
import { StanceModal } from './StanceModal.tsx';
import { StatementCard } from './StatementCard.tsx';

/** The texts given with the current stances: objections, amendments, declarations, reservations, statements. */
function Statements({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const _stateName = useStateName();
  const current = procedure.history.filter((s) => s.supersededAt === null && s.text);
  if (current.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="statements">
      <Title order={4} fz="sm">
        {t('decisions.procedure.statements')}
      </Title>
      {current.map((s) => (
        <StatementCard
          key={s.id}
          testId={`statement-${s.state}-${s.point}`}
          state={s.state}
          point={s.point}
          kind={s.kind}
          text={s.text}
          footer={
            <Text size="xs" c="dimmed">
              {t('decisions.board.givenBy', { by: s.givenBy, at: dateTime(s.givenAt) })}
              {s.amendmentVersion
                ? ` · ${t('decisions.board.amendmentVersion', { version: s.amendmentVersion })}`
                : ''}
            </Text>
          }
        />
      ))}
    </Stack>
  );
}

/** Every stance given, oldest first, the superseded ones marked. */
function History({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  if (procedure.history.length === 0) return null;
  return (
    <Accordion variant="contained" radius="md" className="no-print">
      <Accordion.Item value="history">
        <Accordion.Control>
          <Text size="sm" fw={500}>
            {t('decisions.procedure.history', { count: procedure.history.length })}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('decisions.procedure.historyAt')}</Table.Th>
                  <Table.Th>{t('decisions.board.state')}</Table.Th>
                  <Table.Th>{t('decisions.procedure.historyPoint')}</Table.Th>
                  <Table.Th>{t('decisions.procedure.historyStance')}</Table.Th>
                  <Table.Th>{t('decisions.procedure.historyBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {procedure.history.map((s) => (
                  <Table.Tr key={s.id} c={s.supersededAt ? 'dimmed' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(s.givenAt)}</Table.Td>
                    <Table.Td>{stateName(s.state)}</Table.Td>
                    <Table.Td>{s.point}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <StanceBadge kind={s.kind} tooltip={s.text ?? undefined} />
                        {s.supersededAt ? (
                          <Text size="xs" c="dimmed">
                            {t('decisions.procedure.superseded')}
                          </Text>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.givenBy}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function ProcedureContent({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const me = useMe();
  const ruleSentence = useRuleSentence();
  const decisionLabel = useDecisionLabel();
  const refresh = useRefreshDecisions();
  const [stanceOpen, stance] = useDisclosure(false);
  const [recordOpen, record] = useDisclosure(false);
  const [breakOpen, breaking] = useDisclosure(false);
  const [closeOpen, closing] = useDisclosure(false);
  const { abilities } = procedure;
  const open = procedure.status === 'open';
  const ownState = me.affiliation === 'delegation' ? me.stateCode : null;

  // At the deadline the server records the outcome; ask for it then rather than wait for the stream.
  const onExpire = useCallback(() => refresh(), [refresh]);
  // When this procedure closes, the proposal around it changes too.
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) refresh();
    wasOpen.current = open;
  }, [open, refresh]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={2} fz="lg">
              {t(`decisions.kind.${procedure.kind}`)}
            </Title>
            {open ? (
              <Badge color="blue" variant="light" radius="sm" data-testid="procedure-status">
                {t('decisions.procedure.open')}
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm" data-testid="procedure-status">
                {t('decisions.procedure.closed')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('decisions.procedure.openedBy', {
              version: procedure.version,
              by: procedure.openedBy,
              at: dateTime(procedure.openedAt),
            })}
            {procedure.closedAt
              ? ` · ${
                  closedAtDeadline(procedure.closedBy)
                    ? t('decisions.procedure.closedAuto', { at: dateTime(procedure.closedAt) })
                    : t('decisions.procedure.closedBy', {
                        by: procedure.closedBy ?? '',
                        at: dateTime(procedure.closedAt),
                      })
                }`
              : ''}
          </Text>
        </Stack>
        {open ? (
          <Group gap="sm" className="no-print">
            {abilities.giveStance ? (
              <Button
                leftSection={<IconMessageCircle size={16} aria-hidden />}
                onClick={stance.open}
                variant={abilities.breakSilence ? 'default' : 'filled'}
                data-testid="give-stance"
              >
                {t('decisions.actions.giveStance')}
              </Button>
            ) : null}
            {abilities.recordForStates ? (
              <Button
                variant="default"
                leftSection={<IconScale size={16} aria-hidden />}
                onClick={record.open}
                data-testid="record-stances"
              >
                {t('decisions.actions.recordForStates')}
              </Button>
            ) : null}
            {abilities.breakSilence ? (
              <Button
                color="red"
                leftSection={<IconHandStop size={16} aria-hidden />}
                onClick={breaking.open}
                data-testid="break-silence"
              >
                {t('decisions.actions.breakSilence')}
              </Button>
            ) : null}
            {abilities.close ? (
              <Button
                variant="default"
                leftSection={<IconGavel size={16} aria-hidden />}
                onClick={closing.open}
                data-testid="close-procedure"
              >
                {t('decisions.actions.close')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>

      <Paper p="md" bg="navy.0" style={{ borderColor: 'var(--mantine-color-navy-1)' }}>
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.3 }}>
            {t('decisions.procedure.rule')}
          </Text>
          <Text size="sm" data-testid="rule-sentence">
            {ruleSentence(procedure.rule, procedure.deadline, procedure.extensionHours)}
          </Text>
          {procedure.extended ? (
            <Text size="xs" c="dimmed">
              {t('decisions.procedure.extended', { count: procedure.extensionHours ?? 0 })}
            </Text>
          ) : null}
        </Stack>
      </Paper>

      {open && procedure.deadline ? <Countdown deadline={procedure.deadline} onExpire={onExpire} /> : null}

      {procedure.outcome ? (
        <OutcomePanel outcome={procedure.outcome} rule={procedure.rule} points={procedure.points} />
      ) : !open && procedure.result ? (
        <ResultBadge result={procedure.result} size="lg" />
      ) : null}
      {procedure.decision ? (
        <Text size="sm">
          {t('decisions.procedure.decision')}{' '}
          <Anchor
            component={Link}
            to={`/decisions/${procedure.decision.id}`}
            fw={600}
            data-testid="decision-link"
          >
            {decisionLabel(procedure.decision)}
          </Anchor>
        </Text>
      ) : null}

      <Title order={3} fz="md">
        {t('decisions.board.title')}
      </Title>
      <StanceBoard procedure={procedure} ownState={ownState} />
      <Statements procedure={procedure} />
      <History procedure={procedure} />

      {abilities.giveStance ? (
        <StanceModal
          procedure={procedure}
          opened={stanceOpen}
          onClose={stance.close}
          ownState={ownState}
          forOthers={false}
        />
      ) : null}
      {abilities.recordForStates ? (
        <StanceModal
          procedure={procedure}
          opened={recordOpen}
          onClose={record.close}
          ownState={ownState}
          forOthers
        />
      ) : null}
      {abilities.breakSilence ? (
        <BreakSilenceModal
          procedure={procedure}
          opened={breakOpen}
          onClose={breaking.close}
          ownState={ownState}
        />
      ) : null}
      {abilities.close ? (
        <CloseProcedureModal procedure={procedure} opened={closeOpen} onClose={closing.close} />
      ) : null}
    </Stack>
  );
}

/** A procedure on a proposal: its rule, countdown, actions, outcome and stance board. */
export function ProcedurePanel({ id }: { id: string }) {
  const query = useProcedure(id);
  return (
    <Card data-testid="procedure" data-procedure-id={id}>
      <QueryState query={query}>{({ procedure }) => <ProcedureContent procedure={procedure} />}</QueryState>
    </Card>
  );
}
