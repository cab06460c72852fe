import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';

/** Shows a new token once; it cannot be read again after closing. */
export function TokenCreatedModal({ token, onClose }: { token: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={token !== null} onClose={onClose} title={t('account.tokens.createdTitle')} size="lg">
      {token ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {t('account.tokens.createdWarning')}
          </Alert>
          <Code block data-testid="new-token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={token}>
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
          <Text size="xs" c="dimmed">
            {t('account.tokens.usage')}
          </Text>
        </Stack>
      ) : null}
    </AppModal>
  );
}
