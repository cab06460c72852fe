import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconJson } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { clearanceExportHref } from '../../api/links.ts';

/** Downloads of a request and its decisions, as the server shows them to the caller. */
export function ExportMenu({ id }: { id: string }) {
  const { t } = useTranslation();
  const href = (format: 'json' | 'csv') => clearanceExportHref(id, format);
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          data-testid="export-menu"
        >
          {t('certificate.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={href('json')}
          download
          leftSection={<IconJson size={16} aria-hidden />}
          data-testid="export-json"
        >
          {t('certificate.export.json')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={href('csv')}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          data-testid="export-csv"
        >
          {t('certificate.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
