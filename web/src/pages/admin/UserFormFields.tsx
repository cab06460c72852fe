import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCESS_LEVELS, type AccessLevel, ROLES, type Role } from '../../types.ts';

export function RoleSelect({
  value,
  onChange,
  error,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('users.fields.role')}
      required
      allowDeselect={false}
      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      value={value}
      onChange={(next) => next && onChange(next as Role)}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A person's access level: the highest classification they may read. */
export function AccessLevelSelect({
  value,
  onChange,
  error,
}: {
  value: AccessLevel;
  onChange: (accessLevel: AccessLevel) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('users.fields.accessLevel')}
      required
      allowDeselect={false}
      data={ACCESS_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      value={value}
      onChange={(next) => next && onChange(next as AccessLevel)}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function NameAndEmailFields({
  displayName,
  email,
  onDisplayName,
  onEmail,
  errors,
}: {
  displayName: string;
  email: string;
  onDisplayName: (value: string) => void;
  onEmail: (value: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('users.fields.displayName')}
        required
        value={displayName}
        onChange={(e) => onDisplayName(e.currentTarget.value)}
        error={errors.displayName}
        autoComplete="off"
      />
      <TextInput
        label={t('users.fields.email')}
        type="email"
        value={email}
        onChange={(e) => onEmail(e.currentTarget.value)}
        error={errors.email}
        autoComplete="off"
      />
    </>
  );
}
