import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useFormat } from '../../i18n/format.ts';
import { usePartners, useStates } from '../../queries.ts';
import { type AccessLevel, AFFILIATIONS, type Affiliation, type Role } from '../../types.ts';
import { AccessLevelSelect, NameAndEmailFields, RoleSelect } from './UserFormFields.tsx';
import { useUserMutation } from './useUserMutation.ts';

interface Draft {
  username: string;
  displayName: string;
  email: string;
  password: string;
  affiliation: Affiliation;
  stateCode: string | null;
  partnerCode: string | null;
  role: Role;
  accessLevel: AccessLevel;
}

const EMPTY: Draft = {
  username: '',
  displayName: '',
  email: '',
  password: '',
  affiliation: 'delegation',
  stateCode: null,
  partnerCode: null,
  role: 'delegate',
  accessLevel: 'restricted',
};

/** Checks the server will make anyway, done first so the person gets told sooner. */
function localErrors(draft: Draft, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.username.trim()) errors.username = t('form.required');
  if (!draft.displayName.trim()) errors.displayName = t('form.required');
  if (draft.password.length < 10) errors.password = t('form.minLength', { count: 10 });
  if (draft.affiliation === 'delegation' && !draft.stateCode) errors.stateCode = t('form.required');
  if (draft.affiliation === 'partner' && !draft.partnerCode) errors.partnerCode = t('form.required');
  return errors;
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const states = useStates();
  const partners = usePartners();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const close = () => {
    setDraft(EMPTY);
    setChecked({});
    create.reset();
    onClose();
  };

  const create = useUserMutation(
    (d: Draft) =>
      ok(
        client.POST('/api/users', {
          body: {
            username: d.username.trim(),
            displayName: d.displayName.trim(),
            ...(d.email.trim() ? { email: d.email.trim() } : {}),
            password: d.password,
            affiliation: d.affiliation,
            ...(d.affiliation === 'delegation' ? { stateCode: d.stateCode } : {}),
            ...(d.affiliation === 'partner' ? { partnerCode: d.partnerCode } : {}),
            role: d.role,
            accessLevel: d.accessLevel,
          },
        }),
      ),
    (user) => t('users.created', { name: user.displayName }),
    close,
  );

  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...checked };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = localErrors(draft, t);
    setChecked(found);
    if (Object.keys(found).length === 0) create.mutate(draft);
  };

  return (
    <AppModal opened={opened} onClose={close} title={t('users.createTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="create-user-form">
        <Stack gap="md">
          <FormError
            error={create.error}
            placed={[
              'username',
              'password',
              'displayName',
              'email',
              'affiliation',
              ...(draft.affiliation === 'delegation' ? ['stateCode'] : []),
              ...(draft.affiliation === 'partner' ? ['partnerCode'] : []),
              'role',
              'accessLevel',
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('users.fields.username')}
              description={t('users.fields.usernameHint')}
              required
              data-autofocus
              value={draft.username}
              onChange={(e) => set('username', e.currentTarget.value)}
              error={errors.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
            <PasswordField
              label={t('users.fields.password')}
              description={t('users.fields.passwordHint')}
              required
              value={draft.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={errors.password}
              autoComplete="new-password"
            />
            <NameAndEmailFields
              displayName={draft.displayName}
              email={draft.email}
              onDisplayName={(v) => set('displayName', v)}
              onEmail={(v) => set('email', v)}
              errors={errors}
            />
            <Select
              label={t('users.fields.affiliation')}
              required
              allowDeselect={false}
              data={AFFILIATIONS.map((a) => ({ value: a, label: t(`affiliations.${a}`) }))}
              value={draft.affiliation}
              onChange={(v) => {
                if (!v) return;
                // Partner organisations usually take part as observers: a starting point, not a rule.
                setDraft((d) => ({
                  ...d,
                  affiliation: v as Affiliation,
                  role: v === 'partner' ? 'observer' : d.role,
                }));
              }}
              error={errors.affiliation}
            />
            {draft.affiliation === 'delegation' ? (
              <Select
                label={t('users.fields.state')}
                required
                searchable
                data={(states.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.name) }))}
                value={draft.stateCode}
                onChange={(v) => set('stateCode', v)}
                error={errors.stateCode}
                nothingFoundMessage={t('common.nothingFound')}
              />
            ) : null}
            {draft.affiliation === 'partner' ? (
              <Select
                label={t('users.fields.partner')}
                required
                searchable
                data={(partners.data?.items ?? []).map((p) => ({ value: p.code, label: text(p.shortName) }))}
                value={draft.partnerCode}
                onChange={(v) => set('partnerCode', v)}
                error={errors.partnerCode}
                nothingFoundMessage={t('common.nothingFound')}
              />
            ) : null}
            <RoleSelect value={draft.role} onChange={(v) => set('role', v)} error={errors.role} />
            <AccessLevelSelect
              value={draft.accessLevel}
              onChange={(v) => set('accessLevel', v)}
              error={errors.accessLevel}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
