import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';

/** How a receiver checks a delivery (the README's snippet). */
const SNIPPET = `import { createHmac, timingSafeEqual } from 'node:crypto';

/** \`body\` is the raw request body, exactly as received. */
function isFromAccord(secret, headers, body) {
  const timestamp = headers['x-accord-timestamp'];
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = \`sha256=\${createHmac('sha256', secret).update(\`\${timestamp}.\${body}\`).digest('hex')}\`;
  const given = String(headers['x-accord-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

/** Shows a webhook's new signing secret once; it cannot be read again after closing. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={secret !== null} onClose={onClose} title={t('webhooks.secretTitle')} size="xl">
      {secret ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {t('webhooks.secretWarning')}
          </Alert>
          <Code block data-testid="webhook-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button
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
            <Button variant="default" onClick={onClose}>
              {t('common.done')}
            </Button>
          </Group>
          <Text size="sm">{t('webhooks.secretHint')}</Text>
          <Code block fz="xs" style={{ whiteSpace: 'pre', overflowX: 'auto' }}>
            {SNIPPET}
          </Code>
        </Stack>
      ) : null}
    </AppModal>
  );
}
