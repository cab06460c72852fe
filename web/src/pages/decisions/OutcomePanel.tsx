import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Outcome, Point, PointOutcome, Rule, StanceKind } from '../../types.ts';
import { STANCE_KINDS } from '../../types.ts';
import { ResultBadge } from './badges.tsx';
import { figuresOf, majorityText } from './figures.ts';
import { REASONS_WITH_STATES, useStateList } from './labels.ts';

const SUPPORTS: StanceKind[] = ['agree', 'reservation', 'interpretative_statement'];
const ABSTAINS: StanceKind[] = ['abstain', 'constructive_abstention'];

/** Why a point was or was not adopted, in the reader's language, naming the states. */
export function useVerdictText() {
  const { t, i18n } = useTranslation();
  const stateList = useStateList();
  return (point: Pick<PointOutcome, 'verdict'> & Partial<PointOutcome>, rule?: Rule): string => {
    const { verdict } = point;
    const states = verdict.states ?? [];
    const figures = figuresOf(verdict);
    // A qualified majority decided by its thresholds: state the figures and what failed.
    if (figures && ['majority_reached', 'states_threshold', 'weights_threshold'].includes(verdict.reason))
      return majorityText(figures, t, i18n.language === 'ru' ? 'ru' : 'en');
    if (verdict.reason === 'states_threshold' && rule?.majority && point.tally && point.participating) {
      const count = (kinds: StanceKind[]) => kinds.reduce((n, k) => n + (point.tally?.[k]?.length ?? 0), 0);
      const counted =
        rule.majority.abstention === 'not_counted'
          ? point.participating.length - count(ABSTAINS)
          : point.participating.length;
      return t('decisions.reason.states_threshold_detail', {
        inFavour: count(SUPPORTS),
        counted,
        share: `${rule.majority.states.num}/${rule.majority.states.den}`,
      });
    }
    if (verdict.reason === 'weights_threshold' && rule?.majority?.weights) {
      return t('decisions.reason.weights_threshold_detail', {
        share: `${rule.majority.weights.share.num}/${rule.majority.weights.share.den}`,
        states: stateList(states),
      });
    }
    if (REASONS_WITH_STATES.includes(verdict.reason) && states.length === 0)
      return t(`decisions.reason.${verdict.reason}_none`);
    return t(`decisions.reason.${verdict.reason}`, { states: stateList(states), count: states.length });
  };
}

/** The outcome as a whole and point by point: adopted or not, and why, with the tally. */
export function OutcomePanel({ outcome, rule, points }: { outcome: Outcome; rule: Rule; points: Point[] }) {
  const { t } = useTranslation();
  const verdictText = useVerdictText();
  const texts = new Map(points.map((p) => [p.key, p.text]));
  return (
    <Stack gap="sm" data-testid="outcome" data-result={outcome.result}>
      <Group gap="sm">
        <Text fw={600}>{t('decisions.outcome.title')}</Text>
        <ResultBadge result={outcome.result} size="lg" />
      </Group>
      {outcome.points.map((p) => (
        <Paper key={p.point} p="sm" data-testid={`outcome-point-${p.point}`} data-adopted={p.verdict.adopted}>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            {p.verdict.adopted ? (
              <IconCircleCheck
                size={20}
                color="var(--mantine-color-teal-7)"
                aria-hidden
                style={{ flexShrink: 0 }}
              />
            ) : (
              <IconCircleX
                size={20}
                color="var(--mantine-color-red-7)"
                aria-hidden
                style={{ flexShrink: 0 }}
              />
            )}
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {t('decisions.pointN', { key: p.point })}:{' '}
                {p.verdict.adopted ? t('decisions.outcome.adopted') : t('decisions.outcome.notAdopted')}
              </Text>
              {texts.get(p.point) ? (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {texts.get(p.point)}
                </Text>
              ) : null}
              <Text size="sm">{verdictText(p, rule)}</Text>
              <Group gap={6}>
                {[...STANCE_KINDS, 'no_answer' as const]
                  .filter((kind) => (p.tally[kind]?.length ?? 0) > 0)
                  .map((kind) => (
                    <Badge
                      key={kind}
                      variant="outline"
                      color="gray"
                      radius="sm"
                      tt="none"
                      fw={500}
                      c="dark.6"
                    >
                      {t(`decisions.stance.${kind}`)}: {p.tally[kind]?.length}
                    </Badge>
                  ))}
              </Group>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
