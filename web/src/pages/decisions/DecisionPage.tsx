import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Divider,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconFileText, IconPrinter } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { KEYS, useDecision, useOrganisation, useProcedure } from '../../queries.ts';
import type { Decision } from '../../types.ts';
import { RecordStanding } from '../record/RecordStanding.tsx';
import { StanceBadge } from './badges.tsx';
import { useBodyName, useStateName } from './labels.ts';
import { MarkdownText } from './Markdown.tsx';
import { useVerdictText } from './OutcomePanel.tsx';
import { BackLink } from './ProposalPage.tsx';
import { StatementCard } from './StatementCard.tsx';

function SectionTitle({ children }: { children: string }) {
  return (
    <Title order={2} fz="md" mt="sm">
      {children}
    </Title>
  );
}

function DecisionDocument({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const { text, date, dateTime } = useFormat();
  const organisation = useOrganisation();
  const bodyName = useBodyName();
  const stateName = useStateName();
  const verdictText = useVerdictText();
  const queryClient = useQueryClient();
  // The procedure's outcome names the states behind each reason; the decision keeps only the
  // reason. Observers and partners read the published decision alone, not its procedure.
  const procedure = useProcedure(decision.abilities.readProposal ? decision.procedureId : null);
  const outcome = procedure.data?.procedure.outcome;
  const rule = procedure.data?.procedure.rule;

  const states = [...new Set(decision.stances.map((s) => s.state))];
  const stanceOf = (state: string, point: string) =>
    decision.stances.find((s) => s.state === state && s.point === point)?.kind ?? 'no_answer';
  const orgName = organisation.data?.organisation ? text(organisation.data.organisation.name) : '';

  return (
    <Card className="print-document" data-testid="decision-document" p={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="md">
        <Stack gap={2} align="center" ta="center">
          {orgName ? (
            <Text size="sm" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>
              {orgName}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {bodyName(decision.body)}
          </Text>
          <Title order={1} fz={26} mt="sm" data-testid="decision-number">
            {t('decisions.decision.heading', { number: decision.number, year: decision.year })}
          </Title>
          <Text fz="lg" fw={500} maw={680}>
            {decision.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t('decisions.decision.adoptedOn', {
              date: date(decision.adoptedAt),
              kind: t(`decisions.kind.${decision.procedureKind}`),
            })}
          </Text>
          {decision.result === 'partially_adopted' ? (
            <Badge color="yellow" variant="light" radius="sm">
              {t('decisions.result.partially_adopted')}
            </Badge>
          ) : null}
        </Stack>

        <Divider />
        <MarkdownText source={decision.text} testId="decision-text" />

        <Stack gap="sm" data-testid="decision-points">
          {decision.points.map((p) => {
            const pointOutcome = outcome?.points.find((o) => o.point === p.key);
            return (
              <Group key={p.key} gap="sm" align="flex-start" wrap="nowrap" data-adopted={p.adopted}>
                <Text fw={700} w={28} ta="right" style={{ flexShrink: 0 }}>
                  {p.key}.
                </Text>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text
                    size="sm"
                    lh={1.6}
                    td={p.adopted ? undefined : 'line-through'}
                    c={p.adopted ? undefined : 'dimmed'}
                  >
                    {p.text}
                  </Text>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    {p.adopted ? (
                      <IconCircleCheck
                        size={16}
                        color="var(--mantine-color-teal-7)"
                        aria-hidden
                        style={{ flexShrink: 0 }}
                      />
                    ) : (
                      <IconCircleX
                        size={16}
                        color="var(--mantine-color-red-7)"
                        aria-hidden
                        style={{ flexShrink: 0 }}
                      />
                    )}
                    <Text size="xs" c="dimmed">
                      {p.adopted
                        ? t('decisions.decision.pointAdopted')
                        : t('decisions.decision.pointNotAdopted')}{' '}
                      {verdictText(
                        pointOutcome ?? { verdict: { adopted: p.adopted, reason: p.reason } },
                        rule,
                      )}
                    </Text>
                  </Group>
                </Stack>
              </Group>
            );
          })}
        </Stack>

        {decision.statements.length > 0 ? (
          <Stack gap="sm" data-testid="decision-statements">
            <SectionTitle>{t('decisions.decision.statements')}</SectionTitle>
            {decision.statements.map((s) => (
              <StatementCard
                key={`${s.state}-${s.point}-${s.kind}`}
                state={s.state}
                point={s.point}
                kind={s.kind}
                text={s.text}
              />
            ))}
          </Stack>
        ) : null}

        <Stack gap="sm">
          <SectionTitle>{t('decisions.decision.stances')}</SectionTitle>
          <Paper p={0} style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={200 + decision.points.length * 120} type="native">
              <Table data-testid="decision-stances" verticalSpacing={6} highlightOnHover={false}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('decisions.board.state')}</Table.Th>
                    {decision.points.map((p) => (
                      <Table.Th key={p.key} scope="col">
                        {t('decisions.pointN', { key: p.key })}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {states.map((state) => (
                    <Table.Tr key={state}>
                      <Table.Th scope="row" fw={500}>
                        {stateName(state)}
                      </Table.Th>
                      {decision.points.map((p) => (
                        <Table.Td key={p.key}>
                          <StanceBadge kind={stanceOf(state, p.key)} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>

        <Stack gap="xs" data-testid="decision-record">
          <SectionTitle>{t('decisions.decision.record')}</SectionTitle>
          {decision.record.seq === null || decision.record.hash === null ? (
            <Text size="sm" data-testid="decision-record-pending">
              {t('decisions.decision.recordPending')}
            </Text>
          ) : (
            <>
              <Text size="sm">{t('decisions.decision.recordIntro', { seq: decision.record.seq })}</Text>
              <Code
                block
                data-testid="decision-hash"
                style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
              >
                {`${t('decisions.decision.seq')}: ${decision.record.seq}\n${t('decisions.decision.hash')}: ${decision.record.hash}`}
              </Code>
              <RecordStanding
                standing={{ ...decision.record, seq: decision.record.seq, hash: decision.record.hash }}
                onChecked={() => void queryClient.invalidateQueries({ queryKey: KEYS.decisions })}
              />
            </>
          )}
          {decision.recordProblems.length ? (
            <List size="sm" c="red.8" data-testid="decision-record-problems">
              {decision.recordProblems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('decisions.decision.recordHow')}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed" ta="right" className="print-only">
          {t('decisions.decision.printed', { at: dateTime(new Date().toISOString()) })}
        </Text>
      </Stack>
    </Card>
  );
}

export function DecisionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useDecision(id);
  return (
    <Stack gap="lg">
      <Group justify="space-between" className="no-print">
        <BackLink to="/decisions" label={t('decisions.decision.back')} />
        {query.data ? (
          <Group gap="sm">
            {query.data.decision.abilities.readProposal ? (
              <Button
                variant="default"
                component={Link}
                to={`/proposals/${query.data.decision.proposalId}`}
                leftSection={<IconFileText size={16} aria-hidden />}
                data-testid="decision-proposal"
              >
                {t('decisions.decision.proposal')}
              </Button>
            ) : null}
            <Button
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
              data-testid="print-decision"
            >
              {t('decisions.decision.print')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <QueryState query={query}>{({ decision }) => <DecisionDocument decision={decision} />}</QueryState>
      {query.data ? (
        <Text size="xs" c="dimmed" className="no-print">
          <Anchor component={Link} to="/record" size="xs">
            {t('decisions.decision.openRecord')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}
