import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLEARANCES, type Clearance, ROLES, type Role } from '../../types.ts';

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

export function ClearanceSelect({
  value,
  onChange,
  error,
}: {
  value: Clearance;
  onChange: (clearance: Clearance) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('users.fields.clearance')}
      required
      allowDeselect={false}
      data={CLEARANCES.map((c) => ({ value: c, label: t(`clearances.${c}`) }))}
      value={value}
      onChange={(next) => next && onChange(next as Clearance)}
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
