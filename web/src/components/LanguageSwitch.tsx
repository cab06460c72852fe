import { SegmentedControl } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../api/client.ts';
import { isLocale, rememberLocale } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import type { Locale } from '../types.ts';
import { notifyError } from './notify.ts';

/** Hook shared by the header switch and the account page's preference. */
export function useChangeLocale() {
  const { i18n, t } = useTranslation();
  const { user, updateUser } = useSession();
  const save = useMutation({
    mutationFn: (locale: Locale) => ok(client.PATCH('/api/me', { body: { locale } })),
    onSuccess: ({ user: saved }) => updateUser(saved),
    onError: () => notifyError(t('language.saveFailedTitle'), t('language.saveFailed')),
  });
  const change = (locale: Locale) => {
    if (locale === i18n.language) return;
    void i18n.changeLanguage(locale);
    rememberLocale(locale);
    if (user) save.mutate(locale);
  };
  return {
    locale: (isLocale(i18n.language) ? i18n.language : 'en') as Locale,
    change,
    saving: save.isPending,
  };
}

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { locale, change } = useChangeLocale();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={locale}
      onChange={(value) => isLocale(value) && change(value)}
      data={[
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
        {
          value: 'ru',
          label: (
            <span lang="ru" title="Русский">
              RU
            </span>
          ),
        },
      ]}
      data-testid="language-switch"
    />
  );
}
