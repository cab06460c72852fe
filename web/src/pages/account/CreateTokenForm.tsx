import { Button, Group, NumberInput, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, client, ok } from '../../api/client.ts';
import { FormError } from '../../components/FormError.tsx';
import { KEYS } from '../../queries.ts';

export function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(90);
  const [missing, setMissing] = useState<string | undefined>();

  const create = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/me/tokens', {
          body: {
            name: name.trim(),
            ...(typeof days === 'number' && days > 0 ? { expiresInDays: days } : {}),
          },
        }),
      ),
    onSuccess: ({ token }) => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: KEYS.tokens });
      onCreated(token);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(t('form.required'));
      return;
    }
    setMissing(undefined);
    create.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="create-token-form">
      <FormError error={create.error} placed={['name', 'expiresInDays']} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('account.tokens.name')}
          placeholder={t('account.tokens.namePlaceholder')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={missing ?? errors.name}
          style={{ flex: '1 1 240px' }}
        />
        <NumberInput
          label={t('account.tokens.expiresInDays')}
          placeholder={t('account.tokens.noExpiry')}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          error={errors.expiresInDays}
          w={180}
        />
        <Button
          type="submit"
          mt={25}
          loading={create.isPending}
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          {t('account.tokens.create')}
        </Button>
      </Group>
    </form>
  );
}
