import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CalendarLinkSection } from './CalendarLinkSection.tsx';
import { EmailAddressForm } from './EmailAddressForm.tsx';
import { LanguagePreference } from './LanguagePreference.tsx';
import { NotificationPreferences } from './NotificationPreferences.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { TokensSection } from './TokensSection.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Stack gap="lg">
            <ProfileCard />
            <EmailAddressForm />
            <LanguagePreference />
          </Stack>
          <PasswordForm />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <NotificationPreferences />
          <CalendarLinkSection />
        </SimpleGrid>
        <TokensSection />
      </Stack>
    </>
  );
}
