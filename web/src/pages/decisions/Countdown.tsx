import { Group, Stack, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDuration, useNow, useZones } from './time.ts';

/** "in 2 d 3 h 12 min" for a table row; "Deadline passed" once it has. */
export function CountdownText({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const duration = useDuration();
  const left = new Date(deadline).getTime() - now;
  return (
    <Text size="xs" c={left <= 0 ? 'red' : left < 86_400_000 ? 'orange.8' : 'dimmed'} fw={500}>
      {left <= 0 ? t('decisions.countdown.passed') : t('decisions.countdown.in', { time: duration(left) })}
    </Text>
  );
}

/**
 * A live countdown to a deadline, with the deadline in the organisation's reference zone
 * and in the reader's. Calls `onExpire` once when the deadline passes while shown.
 */
export function Countdown({ deadline, onExpire }: { deadline: string; onExpire?: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const duration = useDuration();
  const zones = useZones();
  const left = new Date(deadline).getTime() - now;
  const expired = left <= 0;
  const fired = useRef(false);
  useEffect(() => {
    if (expired && !fired.current) {
      fired.current = true;
      onExpire?.();
    }
  }, [expired, onExpire]);

  return (
    <Stack gap={6} data-testid="countdown" data-expired={expired}>
      <Group gap={8} wrap="nowrap" align="center">
        <IconClockHour4 size={20} aria-hidden color="var(--mantine-color-navy-7)" />
        <Text fw={600} fz="lg" c={expired ? 'red.8' : 'navy.9'} aria-live="off">
          {expired
            ? t('decisions.countdown.expired')
            : t('decisions.countdown.left', { time: duration(left) })}
        </Text>
      </Group>
      <Stack gap={0}>
        <Text size="sm">
          {t('decisions.countdown.deadlineIn', {
            time: zones.dateTime(deadline, zones.reference),
            zone: zones.zoneName(zones.reference),
          })}
        </Text>
        {zones.same ? null : (
          <Text size="sm" c="dimmed">
            {t('decisions.countdown.deadlineYours', {
              time: zones.dateTime(deadline, zones.reader),
              zone: zones.reader,
            })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
