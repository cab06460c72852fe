import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useFormat } from '../../i18n/format.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { CLASSIFICATION_LEVELS, useRaiseAlert } from './api.ts';
import { useScale } from './labels.tsx';

/** Raising an alert by hand: region, level, title, description and how it is classified. */
export function RaiseAlertModal({
  opened,
  onClose,
  defaultRegion,
}: {
  opened: boolean;
  onClose: () => void;
  defaultRegion: string | null;
}) {
  const { t } = useTranslation();
  const { text } = useFormat();
  const navigate = useNavigate();
  const scale = useScale();
  const [region, setRegion] = useState<string | null>(defaultRegion);
  const [level, setLevel] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [classification, setClassification] = useState('1');
  const [tried, setTried] = useState(false);
  const raise = useRaiseAlert((alert) => {
    notifySuccess(t('alerts.raise.done', { reference: alert.reference }));
    onClose();
    void navigate(`/alerts/${alert.id}`);
  });
  const problems = fieldPaths(raise.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!region || !level || !title.trim()) return;
    raise.mutate({
      region,
      level: Number(level),
      title: title.trim(),
      description: description.trim(),
      classification: Number(classification),
    });
  };
  const required = (value: string | null) => (tried && !value?.trim() ? t('form.required') : undefined);

  return (
    <AppModal opened={opened} onClose={onClose} title={t('alerts.raise.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="raise-form">
        <Stack gap="md">
          <FormError
            error={raise.error}
            placed={['region', 'level', 'title', 'description', 'classification']}
          />
          <Group grow align="flex-start">
            <Select
              label={t('alerts.list.region')}
              data={scale.regions.map((r) => ({ value: r.code, label: text(r.name) }))}
              value={region}
              onChange={setRegion}
              required
              error={required(region) ?? problems.region}
              data-testid="raise-region"
            />
            <Select
              label={t('alerts.list.level')}
              data={scale.scale.map((l) => ({ value: String(l.level), label: text(l.name) }))}
              value={level}
              onChange={setLevel}
              required
              error={required(level) ?? problems.level}
              data-testid="raise-level"
            />
          </Group>
          <TextInput
            label={t('alerts.list.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            error={required(title) ?? problems.title}
            data-testid="raise-title"
          />
          <Textarea
            label={t('alerts.raise.description')}
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={problems.description}
            data-testid="raise-description"
          />
          <Select
            label={t('alerts.raise.classification')}
            description={t('alerts.raise.classificationHint')}
            data={CLASSIFICATION_LEVELS.map((c, i) => ({
              value: String(i),
              label: t(`alerts.classification.${c}`),
            }))}
            value={classification}
            onChange={(v) => setClassification(v ?? '1')}
            allowDeselect={false}
            error={problems.classification}
            data-testid="raise-classification"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={raise.isPending} data-testid="raise-submit">
              {t('alerts.raise.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
