import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Leg, LegPassage } from './api.ts';
import { useUtcAndLocal } from './labels.tsx';

/** One passage: the crossing point, its window in UTC and in the state's own time. */
function Passage({
  label,
  passage,
  zone,
  pointName,
  testId,
}: {
  label: string;
  passage: LegPassage;
  zone: string;
  pointName: (code: string) => string;
  testId: string;
}) {
  const both = useUtcAndLocal();
  const from = both(passage.from, zone);
  const to = both(passage.to, zone);
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" fw={600}>
        {`${label}: ${pointName(passage.point)}`}
      </Text>
      <Text size="xs">{`${from.utc} – ${to.utc}`}</Text>
      {from.local && to.local ? (
        <Text size="xs" c="dimmed">
          {`${from.local} – ${to.local}`}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * What a deciding officer checks on a leg: when the movement enters and leaves the state
 * (UTC and the state's local time), the route on its territory and the stops.
 */
export function LegItinerary({ leg, pointName }: { leg: Leg; pointName: (code: string) => string }) {
  const { t } = useTranslation();
  if (!leg.entry)
    return (
      <Text size="xs" c="dimmed">
        {t('clearances.request.offRoute')}
      </Text>
    );
  return (
    <Stack gap={6} data-testid={`leg-itinerary-${leg.state}`}>
      <Passage
        label={t('clearances.request.entry')}
        passage={leg.entry}
        zone={leg.timeZone}
        pointName={pointName}
        testId="leg-entry"
      />
      {leg.exit ? (
        <Passage
          label={t('clearances.request.exit')}
          passage={leg.exit}
          zone={leg.timeZone}
          pointName={pointName}
          testId="leg-exit"
        />
      ) : (
        <Text size="xs" c="dimmed">
          {t('clearances.request.hosts')}
        </Text>
      )}
      {leg.route ? (
        <Text size="xs" data-testid="leg-route">
          {t('clearances.request.route', { route: leg.route })}
        </Text>
      ) : null}
      {leg.stops.length ? (
        <Text size="xs">{t('clearances.request.stops', { stops: leg.stops.join(' · ') })}</Text>
      ) : null}
    </Stack>
  );
}
