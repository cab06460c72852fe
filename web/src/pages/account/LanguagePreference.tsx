import { Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChangeLocale } from '../../components/LanguageSwitch.tsx';
import { isLocale } from '../../i18n/index.ts';

export function LanguagePreference() {
  const { t } = useTranslation();
  const { locale, change } = useChangeLocale();
  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t('account.language.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.language.description')}
          </Text>
        </div>
        <Radio.Group
          label={t('account.language.choose')}
          value={locale}
          onChange={(value) => isLocale(value) && change(value)}
        >
          <Group gap="xl" mt="xs">
            <Radio value="en" label="English" lang="en" />
            <Radio value="ru" label="Русский" lang="ru" />
          </Group>
        </Radio.Group>
      </Stack>
    </Card>
  );
}
