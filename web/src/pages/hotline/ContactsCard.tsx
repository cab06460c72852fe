import { Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { IconUserEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useUsers } from '../../queries.ts';
import { type Hotline, useDesignateContacts } from './api.ts';
import { SideContacts } from './HotlinesPage.tsx';
import { useStateName } from './labels.tsx';

/** The reader's head of delegation names their side's duty contacts from its delegation. */
function DesignateModal({
  hotline,
  state,
  onClose,
}: {
  hotline: Hotline;
  state: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const users = useUsers();
  const [usernames, setUsernames] = useState(
    hotline.contacts.filter((c) => c.state === state).map((c) => c.username),
  );
  const designate = useDesignateContacts(hotline.code, () => {
    notifySuccess(t('hotline.contacts.saved', { state: stateName(state) }));
    onClose();
  });
  // The side's own delegation, observers and disabled accounts left out.
  const people = (users.data?.items ?? []).filter(
    (u) => u.affiliation === 'delegation' && u.stateCode === state && u.role !== 'observer' && !u.disabled,
  );
  return (
    <AppModal opened onClose={onClose} title={t('hotline.contacts.changeTitle', { state: stateName(state) })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          designate.mutate({ state, usernames });
        }}
        data-testid="designate-form"
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('hotline.contacts.changeHint')}
          </Text>
          <FormError error={designate.error} placed={[]} />
          <MultiSelect
            label={t('hotline.contacts.label')}
            placeholder={usernames.length ? undefined : t('hotline.contacts.pick')}
            data={people.map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }))}
            value={usernames}
            onChange={setUsernames}
            searchable
            clearable
            nothingFoundMessage={t('hotline.contacts.nobody')}
            data-testid="designate-people"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={designate.isPending} data-testid="designate-submit">
              {t('hotline.contacts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Both sides' duty contacts, and (for the reader's head of delegation) changing their side's. */
export function ContactsCard({ hotline }: { hotline: Hotline }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Card p="md" withBorder data-testid="contacts-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {t('hotline.contacts.heading')}
          </Title>
          {hotline.abilities.designate && hotline.mySide ? (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconUserEdit size={14} aria-hidden />}
              onClick={() => setEditing(true)}
              data-testid="designate"
            >
              {t('hotline.contacts.change')}
            </Button>
          ) : null}
        </Group>
        {hotline.states.map((s) => (
          <SideContacts key={s} hotline={hotline} state={s} />
        ))}
        <Text size="xs" c="dimmed">
          {t('hotline.contacts.headAnswers')}
        </Text>
      </Stack>
      {editing && hotline.mySide ? (
        <DesignateModal hotline={hotline} state={hotline.mySide} onClose={() => setEditing(false)} />
      ) : null}
    </Card>
  );
}
