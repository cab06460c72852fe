import { Alert, Button, Code, CopyButton, Group, type MantineSize, Stack } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal.tsx';

/**
 * Shows a new secret (an API token, a webhook's signing secret) once, with a copy button;
 * it cannot be read again after closing. `children` say how to use it.
 */
export function ShownOnceModal({
  value,
  title,
  warning,
  testId,
  size = 'lg',
  onClose,
  children,
}: {
  value: string | null;
  title: string;
  warning: string;
  testId: string;
  size?: MantineSize;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={value !== null} onClose={onClose} title={title} size={size}>
      {value ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {warning}
          </Alert>
          <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {value}
          </Code>
          <Group justify="space-between">
            <CopyButton value={value}>
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
          {children}
        </Stack>
      ) : null}
    </AppModal>
  );
}
