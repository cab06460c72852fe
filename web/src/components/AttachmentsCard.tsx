import { ActionIcon, Anchor, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, client, ok } from '../api/client.ts';
import { type AttachmentOwner, attachmentHref, attachmentOwner } from '../api/links.ts';
import { useFormat } from '../i18n/format.ts';
import type { Attachment } from '../types.ts';
import { AppModal } from './AppModal.tsx';
import { FormError } from './FormError.tsx';
import { notifySuccess } from './notify.ts';

type AttachmentInput = BodyOf<'/api/proposals/{id}/attachments', 'post'>;
type ContentType = AttachmentInput['contentType'];

/** The server's limits (src/modules/attachments, used for proposals, clearance requests and consultations). */
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES: Record<string, ContentType> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const ACCEPT = [...Object.keys(TYPES).map((ext) => `.${ext}`), ...new Set(Object.values(TYPES))].join(',');

/**
 * Browsers often give no type for Markdown; the extension decides then. Any other type is
 * sent as it is, and the server answers 400 naming `contentType`.
 */
const typeOf = (file: File): ContentType =>
  Object.values<string>(TYPES).includes(file.type)
    ? (file.type as ContentType)
    : (TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? (file.type as ContentType));

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

/** Adds a file to its owner. */
function addAttachment(owner: AttachmentOwner, body: AttachmentInput) {
  const { kind, id } = attachmentOwner(owner);
  const params = { path: { id } };
  if (kind === 'proposal') return ok(client.POST('/api/proposals/{id}/attachments', { params, body }));
  if (kind === 'clearance') return ok(client.POST('/api/clearances/{id}/attachments', { params, body }));
  if (kind === 'report') return ok(client.POST('/api/reports/{id}/attachments', { params, body }));
  return ok(client.POST('/api/consultations/{id}/attachments', { params, body }));
}

/** Removes a file from its owner. */
function removeAttachment(owner: AttachmentOwner, attachmentId: string) {
  const { kind, id } = attachmentOwner(owner);
  const params = { path: { id, attachmentId } };
  if (kind === 'proposal')
    return ok(client.DELETE('/api/proposals/{id}/attachments/{attachmentId}', { params }));
  if (kind === 'clearance')
    return ok(client.DELETE('/api/clearances/{id}/attachments/{attachmentId}', { params }));
  if (kind === 'report') return ok(client.DELETE('/api/reports/{id}/attachments/{attachmentId}', { params }));
  return ok(client.DELETE('/api/consultations/{id}/attachments/{attachmentId}', { params }));
}

/**
 * The owner named by the API path the decisions and clearances pages still pass as `base`
 * ("/api/proposals/<id>/attachments"); they can pass `owner` instead and this goes.
 */
function ownerOfBase(base: string): AttachmentOwner {
  const match = /^\/api\/(proposals|clearances)\/([^/]+)\/attachments$/.exec(base);
  if (!match) throw new Error(`not an attachments path: ${base}`);
  const id = decodeURIComponent(match[2]);
  return match[1] === 'proposals' ? { proposal: id } : { clearance: id };
}

/**
 * Attached files (of a proposal, a clearance request, a consultation, a report): download links, and
 * adding or removing them when `canChange`.
 */
export function AttachmentsCard({
  attachments,
  canChange,
  onChanged,
  title,
  removeConfirm,
  ...props
}: ({ owner: AttachmentOwner } | { /** @deprecated pass `owner` */ base: string }) & {
  attachments: Attachment[];
  canChange: boolean;
  onChanged: () => void;
  /** The card's title ("Attachments" unless told). */
  title?: string;
  /** What removing a file says, given its name (that it leaves the proposal, unless told). */
  removeConfirm?: (name: string) => string;
}) {
  const owner = 'owner' in props ? props.owner : ownerOfBase(props.base);
  const { t } = useTranslation();
  const size = useSize();
  const refresh = onChanged;
  const [removing, setRemoving] = useState<Attachment | null>(null);

  const adding = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_BYTES) throw new Error(t('decisions.attachments.tooLarge'));
      const body = { filename: file.name, contentType: typeOf(file), dataBase64: await readBase64(file) };
      return addAttachment(owner, body);
    },
    onSuccess: ({ attachment }) => {
      refresh();
      notifySuccess(t('decisions.attachments.added', { name: attachment.filename }));
    },
  });
  const removal = useMutation({
    mutationFn: (a: Attachment) => removeAttachment(owner, a.id),
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
            {title ?? t('decisions.attachments.title')}
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
                  <Anchor href={attachmentHref(owner, a.id)} download={a.filename} size="sm" truncate>
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
            {removeConfirm
              ? removeConfirm(removing?.filename ?? '')
              : t('decisions.attachments.removeConfirm', { name: removing?.filename ?? '' })}
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
