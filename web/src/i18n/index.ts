import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../types.ts';
import en from './en.json';
import ru from './ru.json';

export const LOCALES: Locale[] = ['en', 'ru'];
const STORAGE_KEY = 'accord.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ru';
}

/** The language to start with before anyone signs in: the remembered choice, else the browser's. */
function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); fall through
  }
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.toLowerCase();
  return browser.startsWith('ru') ? 'ru' : 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // ignore
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'en';
}

i18next.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
