import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StanceKind } from '../../types.ts';
import { StanceBadge } from './badges.tsx';
import { useStateName } from './labels.ts';

/** A state's written statement on a point (objection, reservation, declaration…), with an optional footer. */
export function StatementCard(props: {
  state: string;
  point: string;
  kind: StanceKind;
  text: string | null;
  footer?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  return (
    <Paper p="sm" data-testid={props.testId}>
      <Stack gap={4}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {stateName(props.state)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('decisions.pointN', { key: props.point })}
          </Text>
          <StanceBadge kind={props.kind} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {props.text}
        </Text>
        {props.footer}
      </Stack>
    </Paper>
  );
}
