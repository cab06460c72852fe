import { ActionIcon, Anchor, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useFormat } from '../i18n/format.ts';
import type { Attachment } from '../types.ts';
import { AppModal } from './AppModal.tsx';
import { FormError } from './FormError.tsx';
import { notifySuccess } from './notify.ts';

/** The server's limits (src/modules/decisions/attachments.ts, used for proposals and clearance requests). */
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const ACCEPT = [...Object.keys(TYPES).map((ext) => `.${ext}`), ...new Set(Object.values(TYPES))].join(',');

/** Browsers often give no type for Markdown; the extension decides then. */
const typeOf = (file: File) =>
  Object.values(TYPES).includes(file.type)
    ? file.type
    : (TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? file.type);

/** The file's bytes as base64, without the data: URL's prefix. */
const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

function useSize() {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (bytes: number) =>
    bytes < 1024
      ? t('decisions.attachments.bytes', { size: number(bytes) })
      : bytes < 1024 * 1024
        ? t('decisions.attachments.kb', { size: number(Math.round(bytes / 1024)) })
        : t('decisions.attachments.mb', { size: number(Math.round((bytes / 1024 / 1024) * 10) / 10) });
}

/**
 * Attached files (of a proposal, of a clearance request): download links, and adding or
 * removing them when `canChange`. `base` is the API path of the attachments.
 */
export function AttachmentsCard({
  base,
  attachments,
  canChange,
  onChanged,
}: {
  base: string;
  attachments: Attachment[];
  canChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const size = useSize();
  const refresh = onChanged;
  const [removing, setRemoving] = useState<Attachment | null>(null);

  const adding = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_BYTES) throw new Error(t('decisions.attachments.tooLarge'));
      const body = { filename: file.name, contentType: typeOf(file), dataBase64: await readBase64(file) };
      return api.post<{ attachment: Attachment }>(base, body);
    },
    onSuccess: ({ attachment }) => {
      refresh();
      notifySuccess(t('decisions.attachments.added', { name: attachment.filename }));
    },
  });
  const removal = useMutation({
    mutationFn: (a: Attachment) => api.delete<void>(`${base}/${a.id}`),
    onSuccess: () => {
      refresh();
      setRemoving(null);
      notifySuccess(t('decisions.attachments.removed'));
    },
  });
  const closeRemoval = () => {
    removal.reset();
    setRemoving(null);
  };

  if (attachments.length === 0 && !canChange) return null;
  return (
    <Card data-testid="attachments">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg">
            {t('decisions.attachments.title')}
          </Title>
          {canChange ? (
            <FileButton onChange={(file) => file && adding.mutate(file)} accept={ACCEPT}>
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  loading={adding.isPending}
                  leftSection={<IconUpload size={16} aria-hidden />}
                  data-testid="add-attachment"
                >
                  {t('decisions.attachments.add')}
                </Button>
              )}
            </FileButton>
          ) : null}
        </Group>
        {attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('decisions.attachments.none')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {attachments.map((a) => (
              <Group component="li" key={a.id} gap="sm" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap" miw={0}>
                  <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0 }} />
                  <Anchor href={`${base}/${a.id}`} download={a.filename} size="sm" truncate>
                    {a.filename}
                  </Anchor>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {size(a.sizeBytes)}
                  </Text>
                </Group>
                {canChange ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving(a)}
                    aria-label={t('decisions.attachments.remove', { name: a.filename })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        {adding.error ? <FormError error={adding.error} placed={[]} /> : null}
      </Stack>
      <AppModal
        opened={removing !== null}
        onClose={closeRemoval}
        title={t('decisions.attachments.removeTitle')}
      >
        <Stack gap="md">
          <Text size="sm">
            {t('decisions.attachments.removeConfirm', { name: removing?.filename ?? '' })}
          </Text>
          <FormError error={removal.error} placed={[]} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={closeRemoval} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={removal.isPending}
              onClick={() => removing && removal.mutate(removing)}
              data-testid="remove-attachment-confirm"
            >
              {t('decisions.attachments.removeAction')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}
