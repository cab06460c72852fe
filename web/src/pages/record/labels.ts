import { useTranslation } from 'react-i18next';

/** A translated label for a record action, or the raw action when there is none. */
export function useActionLabel() {
  const { t, i18n } = useTranslation();
  return (action: string): string => {
    const key = `actions.${action.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : action;
  };
}

/** Classification may arrive as a name or a level; show a translated name either way. */
export function useClassificationLabel() {
  const { t, i18n } = useTranslation();
  const byLevel = ['public', 'restricted', 'confidential', 'secret'];
  return (value: string | number): string => {
    const name = typeof value === 'number' ? byLevel[value] : value;
    const key = `levels.${name}`;
    return name && i18n.exists(key) ? t(key) : String(value);
  };
}

/** A translated name for a kind of record subject, or the raw type when there is none. */
export function useSubjectTypeLabel() {
  const { t, i18n } = useTranslation();
  return (type: string): string => {
    const key = `record.subjectTypes.${type}`;
    return i18n.exists(key) ? t(key) : type;
  };
}

/** A translated name for the module that writes some actions (the action filter's groups). */
export function useModuleLabel() {
  const { t, i18n } = useTranslation();
  return (module: string): string => {
    const key = `record.modules.${module}`;
    return i18n.exists(key) ? t(key) : module;
  };
}
