import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../api/client.ts';
import { useErrorMessage } from './QueryState.tsx';

/**
 * The part of a failed submission that is not shown next to a field: the general
 * message, or the reasons for fields this form does not show.
 */
export function FormError({ error, placed }: { error: unknown; placed: string[] }) {
  const message = useErrorMessage();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  const keys = Object.keys(fields);
  const unplaced = keys.filter((key) => !placed.includes(key));
  if (keys.length > 0 && unplaced.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
      {message(error)}
      {unplaced.length > 0 ? (
        <List size="sm" mt={4}>
          {unplaced.map((key) => (
            <List.Item key={key}>
              {key}: {fields[key]}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
