import { Badge, Card, Divider, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Certificate, Passage } from './types.ts';

/** An instant in UTC, as a border post reads it: "02 Dec 2026, 06:00 UTC". */
export function utc(value: string, locale: string) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const text = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(d);
  return `${text} UTC`;
}

function PassageText({ passage }: { passage: Passage }) {
  const { text, locale } = useFormat();
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {text(passage.pointName)}{' '}
        <Text span size="xs" c="dimmed" ff="monospace">
          {passage.point}
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        {utc(passage.from, locale)} – {utc(passage.to, locale)}
      </Text>
    </Stack>
  );
}

/**
 * The certificate of a cleared movement, as issued: every state's clearance number and
 * conditions, the movement's windows and assets. Shown to the requester (printable) and on
 * the public verification page, where it is exactly what the code proves.
 */
export function CertificateDocument({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const { text, locale } = useFormat();
  const c = certificate;
  return (
    <Card className="print-document" data-testid="certificate" p={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="md">
        <Stack gap={2} align="center" ta="center">
          <Text size="sm" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>
            {t('certificate.heading')}
          </Text>
          <Title order={1} fz={24} mt="xs" data-testid="certificate-reference">
            {c.reference}
          </Title>
          <Text size="sm" c="dimmed">
            {t('certificate.requestedBy', { state: text(c.requestingStateName), version: c.version })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('certificate.issuedAt', { at: utc(c.issuedAt, locale) })}
          </Text>
          <Group gap="xs" mt={4}>
            <Badge variant="light" radius="sm">
              {t(`certificate.framework.${c.framework}`, { defaultValue: c.framework })}
            </Badge>
            <Badge variant="light" radius="sm" color={c.urgency === 'emergency' ? 'red' : 'gray'}>
              {t(`certificate.urgency.${c.urgency}`, { defaultValue: c.urgency })}
            </Badge>
          </Group>
        </Stack>
        <Divider />
        <Title order={2} fz="md">
          {t('certificate.legs')}
        </Title>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" data-testid="certificate-legs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('certificate.state')}</Table.Th>
                <Table.Th>{t('certificate.clearanceNumber')}</Table.Th>
                <Table.Th>{t('certificate.entry')}</Table.Th>
                <Table.Th>{t('certificate.exit')}</Table.Th>
                <Table.Th>{t('certificate.route')}</Table.Th>
                <Table.Th>{t('certificate.conditions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.legs.map((leg) => (
                <Table.Tr key={leg.state} data-state={leg.state}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {text(leg.stateName)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`certificate.how.${leg.decidedHow}`, { defaultValue: leg.decidedHow })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" data-testid="clearance-number">
                      {leg.clearanceNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PassageText passage={leg.entry} />
                  </Table.Td>
                  <Table.Td>
                    {leg.exit ? (
                      <PassageText passage={leg.exit} />
                    ) : (
                      <Text size="sm">{t('certificate.host')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="certificate-route" style={{ whiteSpace: 'pre-line' }}>
                      {leg.route || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {leg.conditions.length ? (
                      <List size="sm" spacing={2}>
                        {leg.conditions.map((cond) => (
                          <List.Item key={`${cond.kind}:${cond.text}`}>
                            <Text span size="sm" fw={500}>
                              {t(`certificate.condition.${cond.kind}`, { defaultValue: cond.kind })}:
                            </Text>{' '}
                            {cond.text}
                          </List.Item>
                        ))}
                      </List>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('certificate.noConditions')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {c.legs.some((leg) => leg.decidedHow === 'tacit') ? (
          <Text size="xs" c="dimmed" data-testid="tacit-number-note">
            {t('certificate.tacitNumber')}
          </Text>
        ) : null}
        <Title order={2} fz="md">
          {t('certificate.movement')}
        </Title>
        <Text size="sm">
          {t('certificate.personnel', { count: c.personnel })} ·{' '}
          {c.armament ? t('certificate.armed') : t('certificate.unarmed')}
        </Text>
        <List size="sm" spacing={4} data-testid="certificate-assets">
          {c.assets.map((a) => (
            <List.Item key={`${a.kind}:${a.type}:${a.registrations.join(',')}`}>
              {a.count} × {a.type}
              {a.registrations.length ? (
                <Text span size="xs" c="dimmed" ff="monospace">
                  {' '}
                  ({a.registrations.join(', ')})
                </Text>
              ) : null}
              {a.callSigns.length ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t('certificate.callSigns', { list: a.callSigns.join(', ') })}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
        {c.dangerousGoods.length ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('certificate.dangerousGoods')}
            </Text>
            {c.dangerousGoods.map((d) => (
              <Text
                key={`${d.unNumber}:${d.hazardClass}:${d.netExplosiveQuantityKg}`}
                size="sm"
                ff="monospace"
              >
                {d.unNumber} · {t('certificate.class', { class: d.hazardClass })}
                {d.netExplosiveQuantityKg !== null ? ` · NEQ ${d.netExplosiveQuantityKg} kg` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Divider />
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('certificate.codeLabel')}
            </Text>
            <Text fz="lg" fw={700} ff="monospace" data-testid="verification-code">
              {c.code}
            </Text>
          </Stack>
          <Text size="xs" c="dimmed" maw={360} ta="right">
            {t('certificate.howToVerify', { path: `/verify/${c.code}` })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
