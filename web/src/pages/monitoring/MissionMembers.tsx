import { ActionIcon, Button, Card, Group, MultiSelect, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { useStates, useUsers } from '../../queries.ts';
import { type Mission, useChangeMembers } from './missionsApi.ts';

/** Adding people to the mission (enabled accounts not in it yet; observers and partners left out). */
function AddMembersModal({ mission, onClose }: { mission: Mission; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const [add, setAdd] = useState<string[]>([]);
  const change = useChangeMembers(mission.id, () => {
    notifySuccess(t('missions.members.added', { count: add.length }));
    onClose();
  });
  const inIt = new Set([mission.head.id, ...mission.members.map((m) => m.id)]);
  const people = (users.data?.items ?? [])
    .filter((u) => !u.disabled && !inIt.has(u.id) && u.role !== 'observer' && u.affiliation !== 'partner')
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  return (
    <AppModal opened onClose={onClose} title={t('missions.members.addTitle', { name: mission.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (add.length) change.mutate({ add });
        }}
      >
        <Stack gap="md">
          <FormError error={change.error} placed={[]} />
          <MultiSelect
            label={t('missions.members.people')}
            data={people}
            value={add}
            onChange={setAdd}
            searchable
            data-autofocus
            data-testid="add-members"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              disabled={!add.length}
              loading={change.isPending}
              data-testid="add-members-submit"
            >
              {t('missions.members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The head of mission and its members; who manages the mission adds and removes members. */
export function MissionMembers({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const states = useStates();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const change = useChangeMembers(mission.id, () => {
    notifySuccess(t('missions.members.removed'));
    setRemoving(null);
  });
  const stateName = (code: string | null) => {
    if (!code) return t('missions.members.secretariat');
    const s = states.data?.items.find((x) => x.code === code);
    return s ? text(s.name) : code;
  };
  const manage = mission.abilities.manage;
  return (
    <Card p="md" withBorder data-testid="mission-members">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {t('missions.members.heading', { count: mission.members.length + 1 })}
          </Title>
          {manage ? (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconUserPlus size={14} aria-hidden />}
              onClick={() => setAdding(true)}
              data-testid="add-member"
            >
              {t('missions.members.add')}
            </Button>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {mission.head.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('missions.members.head')}
            </Text>
          </Stack>
        </Group>
        {mission.members.map((m) => (
          <Group key={m.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="mission-member">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm">{m.name}</Text>
              <Text size="xs" c="dimmed">
                {stateName(m.state)}
              </Text>
            </Stack>
            {manage ? (
              <Tooltip label={t('missions.members.remove', { name: m.name })}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('missions.members.remove', { name: m.name })}
                  loading={change.isPending && removing === m.id}
                  onClick={() => {
                    setRemoving(m.id);
                    change.mutate({ remove: [m.id] });
                  }}
                >
                  <IconUserMinus size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        ))}
        {mission.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('missions.members.none')}
          </Text>
        ) : null}
        <FormError error={change.error} placed={[]} />
      </Stack>
      {adding ? <AddMembersModal mission={mission} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
