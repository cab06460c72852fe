import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendar, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/QueryState.tsx';
import { useRotateCalendarLink } from '../../notifications.ts';

export function CalendarLinkSection() {
  const { t } = useTranslation();
  const rotate = useRotateCalendarLink();
  const url = rotate.data?.calendar.url;

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t('notifications.calendar.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notifications.calendar.description')}
          </Text>
        </div>
        <Group>
          <Button
            variant={url ? 'default' : 'filled'}
            leftSection={<IconCalendar size={16} aria-hidden />}
            loading={rotate.isPending}
            onClick={() => rotate.mutate()}
            data-testid="calendar-link-create"
          >
            {url ? t('notifications.calendar.rotate') : t('notifications.calendar.create')}
          </Button>
        </Group>
        {rotate.error ? <ErrorAlert error={rotate.error} /> : null}
        {url ? (
          <Stack gap="xs">
            <Code
              block
              data-testid="calendar-link"
              style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
            >
              {url}
            </Code>
            <Group>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-sm"
                    variant={copied ? 'light' : 'filled'}
                    color={copied ? 'teal' : undefined}
                    leftSection={
                      copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                    }
                    onClick={copy}
                  >
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('notifications.calendar.shownOnce')}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
