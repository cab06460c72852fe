import { Badge } from '@mantine/core';

export function CodeBadge({ code }: { code: string }) {
  return (
    <Badge variant="light" color="gray" radius="sm" tt="none" ff="monospace" fw={600}>
      {code}
    </Badge>
  );
}
