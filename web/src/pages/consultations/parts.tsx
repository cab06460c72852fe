import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/QueryState.tsx';
import type { ConsultationStatus } from './api.ts';
import { problemsOf, unplacedProblems } from './helpers.ts';

const STATUS_COLOUR: Record<ConsultationStatus, string> = { open: 'blue', concluded: 'teal', closed: 'gray' };

export function ConsultationStatusBadge({
  status,
  size = 'sm',
}: {
  status: ConsultationStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      size={size}
      color={STATUS_COLOUR[status]}
      data-testid="consultation-status"
      data-status={status}
    >
      {t(`consultations.status.${status}`)}
    </Badge>
  );
}

/**
 * A failed request, beside its form: the server's message, and each field problem that no
 * field of the form shows, named by its field ("status: the consultation is concluded…").
 * Nothing when every problem stands next to its field.
 */
export function StepError({ error, placed = [] }: { error: unknown; placed?: string[] }) {
  const message = useErrorMessage();
  if (!error) return null;
  const problems = problemsOf(error);
  const rest = unplacedProblems(problems, placed);
  if (problems.length > 0 && rest.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      data-testid="step-error"
      p="xs"
    >
      <Text size="sm">{message(error)}</Text>
      {rest.length > 0 ? (
        <List size="sm" mt={4}>
          {rest.map((p) => (
            <List.Item key={p.field}>
              {p.field}: {p.reason}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

/** A label and its value, in a column of facts. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}
