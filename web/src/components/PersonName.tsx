import { Stack, Text } from '@mantine/core';

/** A person's display name with their username beneath it, as the people tables show them. */
export function PersonName({ displayName, username }: { displayName: string; username: string }) {
  return (
    <Stack gap={0}>
      <Text fw={500} size="sm">
        {displayName}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {username}
      </Text>
    </Stack>
  );
}
