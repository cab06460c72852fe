import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { to: '/clearances', key: 'board' },
  { to: '/clearances/standing-permissions', key: 'permissions' },
  { to: '/clearances/assets', key: 'assets' },
  { to: '/clearances/deployments', key: 'deployments' },
  { to: '/clearances/timeliness', key: 'timeliness' },
] as const;

/** The clearance pages' own tabs, under the page header. */
export function ClearancesNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = [...TABS].reverse().find((tab) => pathname.startsWith(tab.to))?.to ?? '/clearances';
  return (
    <Tabs
      value={current}
      onChange={(v) => v && void navigate(v)}
      keepMounted={false}
      mb="md"
      className="no-print"
    >
      <Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.to} value={tab.to} data-testid={`clearances-tab-${tab.key}`}>
            {t(`clearances.tabs.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
