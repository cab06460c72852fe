import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session.tsx';

/** Shown on every page while the server runs the demonstration. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { meta } = useSession();
  if (!meta?.demo) return null;
  return (
    <Alert
      variant="light"
      color="yellow"
      radius="md"
      icon={<IconInfoCircle aria-hidden />}
      title={t('demo.title')}
      role="note"
      className="no-print"
      data-testid="demo-banner"
    >
      {t('demo.body')}
    </Alert>
  );
}
