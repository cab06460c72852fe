import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ShownOnceModal } from '../../components/ShownOnceModal.tsx';

/** Shows a new token once; it cannot be read again after closing. */
export function TokenCreatedModal({ token, onClose }: { token: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnceModal
      value={token}
      title={t('account.tokens.createdTitle')}
      warning={t('account.tokens.createdWarning')}
      testId="new-token"
      onClose={onClose}
    >
      <Text size="xs" c="dimmed">
        {t('account.tokens.usage')}
      </Text>
    </ShownOnceModal>
  );
}
