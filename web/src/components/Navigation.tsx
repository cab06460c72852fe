import { Box, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { NavEntry } from '../module.ts';
import { WEB_MODULES } from '../modules.ts';
import { useMe } from '../session.tsx';

interface Section {
  /** The i18n key of its title. */
  title: string;
  entries: NavEntry[];
}

let sections: Section[] | null = null;

/** The sections in the order of the module list, each with its modules' entries (gathered on first use). */
function navSections(): Section[] {
  if (sections) return sections;
  const gathered: Section[] = [];
  for (const { nav } of WEB_MODULES) {
    if (!nav) continue;
    const section = gathered.find((s) => s.title === nav.section);
    if (section) section.entries.push(...nav.entries);
    else gathered.push({ title: nav.section, entries: [...nav.entries] });
  }
  sections = gathered;
  return gathered;
}

const always = () => true;

function Entry({ entry, onNavigate }: { entry: NavEntry; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const useVisible = entry.useVisible ?? always;
  const visible = useVisible(useMe());
  if (!visible) return null;
  const { path, label, icon: Icon } = entry;
  const active = path === '/' ? pathname === '/' : pathname.startsWith(path);
  return (
    <NavLink
      component={Link}
      to={path}
      label={t(label)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    />
  );
}

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <Box component="nav" aria-label={t('nav.label')}>
      <Stack gap="lg">
        {navSections().map((section) => (
          <Stack key={section.title} gap={2}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4} style={{ letterSpacing: 0.4 }}>
              {t(section.title)}
            </Text>
            {section.entries.map((entry) => (
              <Entry key={entry.path} entry={entry} onNavigate={onNavigate} />
            ))}
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
