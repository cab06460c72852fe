import { Box, NavLink, Stack, Text } from '@mantine/core';
import {
  IconBell,
  IconFileCertificate,
  IconFileText,
  IconFlag,
  IconHierarchy2,
  IconHome,
  IconListDetails,
  IconRoute,
  IconUserCog,
  IconUsers,
  IconWebhook,
  IconWorld,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useUsers } from '../queries.ts';
import { useSession } from '../session.tsx';

interface Item {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
}

function canAdminister(data: ReturnType<typeof useUsers>['data']): boolean {
  if (!data) return false;
  return data.abilities.create || data.items.some((u) => u.abilities.update || u.abilities.disable);
}

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const users = useUsers();
  const { user } = useSession();
  // The `webhooks` rule of src/policy/index.ts: a secretariat administrator, or a head of delegation.
  const managesWebhooks =
    user?.role === 'secretariat_admin' || (user?.role === 'head_of_delegation' && user.stateCode !== null);

  const sections: { title: string; items: Item[] }[] = [
    {
      title: t('nav.overview'),
      items: [
        { to: '/', label: t('nav.dashboard'), icon: IconHome },
        { to: '/notifications', label: t('notifications.title'), icon: IconBell },
      ],
    },
    {
      title: t('nav.decisions'),
      items: [
        { to: '/proposals', label: t('nav.proposals'), icon: IconFileText },
        { to: '/decisions', label: t('nav.decisionRegister'), icon: IconFileCertificate },
      ],
    },
    {
      title: t('clearances.nav.section'),
      items: [{ to: '/clearances', label: t('clearances.nav.board'), icon: IconRoute }],
    },
    {
      title: t('nav.directory'),
      items: [
        { to: '/states', label: t('nav.states'), icon: IconFlag },
        { to: '/bodies', label: t('nav.bodies'), icon: IconHierarchy2 },
        { to: '/partners', label: t('nav.partners'), icon: IconWorld },
        { to: '/people', label: t('nav.people'), icon: IconUsers },
      ],
    },
    {
      title: t('nav.governance'),
      items: [
        { to: '/record', label: t('nav.record'), icon: IconListDetails },
        ...(canAdminister(users.data)
          ? [{ to: '/admin/users', label: t('nav.userAdmin'), icon: IconUserCog }]
          : []),
        ...(managesWebhooks ? [{ to: '/webhooks', label: t('webhooks.nav'), icon: IconWebhook }] : []),
      ],
    },
  ];

  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));

  return (
    <Box component="nav" aria-label={t('nav.label')}>
      <Stack gap="lg">
        {sections.map((section) => (
          <Stack key={section.title} gap={2}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4} style={{ letterSpacing: 0.4 }}>
              {section.title}
            </Text>
            {section.items.map(({ to, label, icon: Icon }) => (
              <NavLink
                key={to}
                component={Link}
                to={to}
                label={label}
                leftSection={<Icon size={18} stroke={1.6} />}
                active={isActive(to)}
                aria-current={isActive(to) ? 'page' : undefined}
                onClick={onNavigate}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
