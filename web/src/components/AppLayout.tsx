import {
  AppShell,
  Burger,
  Center,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { useLiveUpdates } from '../live.ts';
import { useSession } from '../session.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Navigation } from './Navigation.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

export function OrganisationMark() {
  const { t } = useTranslation();
  const { meta } = useSession();
  const { text } = useFormat();
  const shortName = meta?.organisation ? text(meta.organisation.shortName) : t('app.name');
  return (
    <Group gap={10} wrap="nowrap">
      <div
        aria-hidden
        style={{
          width: 30,
          height: 30,
          borderRadius: 6,
          background: 'var(--mantine-color-navy-9)',
          color: 'white',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 700,
          fontSize: 15,
        }}
      >
        A
      </div>
      <Stack gap={0}>
        <Text fw={700} size="md" lh={1.2} c="navy.9" data-testid="org-short-name">
          {shortName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {t('app.tagline')}
        </Text>
      </Stack>
    </Group>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  useLiveUpdates(true);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', md: 'xl' }}
    >
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            <UnstyledButton component={Link} to="/" aria-label={t('nav.dashboard')}>
              <OrganisationMark />
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className="no-print">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0" id="main" tabIndex={-1}>
        <Stack gap="lg" maw={1200} mx="auto">
          <DemoBanner />
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

/** Shown while a page loaded on first visit arrives. */
function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}
