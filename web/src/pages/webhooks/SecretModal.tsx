import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ShownOnceModal } from '../../components/ShownOnceModal.tsx';

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
    <ShownOnceModal
      value={secret}
      title={t('webhooks.secretTitle')}
      warning={t('webhooks.secretWarning')}
      testId="webhook-secret"
      size="xl"
      onClose={onClose}
    >
      <Text size="sm">{t('webhooks.secretHint')}</Text>
      <Code block fz="xs" style={{ whiteSpace: 'pre', overflowX: 'auto' }}>
        {SNIPPET}
      </Code>
    </ShownOnceModal>
  );
}
