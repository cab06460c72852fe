import { Badge, Button, Card, Group, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircle, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { type Consultation, useAddAgendaItem, useCompleteAgendaItem } from './api.ts';
import { problemFor, problemsOf } from './helpers.ts';
import { StepError } from './parts.tsx';

/** The agenda, in order: what was dealt with, and (for the convener and facilitator) adding and marking items. */
export function AgendaCard({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const add = useAddAgendaItem(c.id, () => {
    setText('');
    setTried(false);
  });
  const done = useCompleteAgendaItem(c.id);
  const manage = c.abilities.manageAgenda;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (text.trim()) add.mutate(text.trim());
  };
  const left = c.agenda.filter((i) => i.status === 'open').length;

  return (
    <Card data-testid="agenda">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="lg">
            {t('consultations.agenda.title')}
          </Title>
          {c.agenda.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t('consultations.agenda.left', { count: left, total: c.agenda.length })}
            </Text>
          ) : null}
        </Group>
        {c.agenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('consultations.agenda.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {c.agenda.map((item) => (
              <Group
                component="li"
                key={item.id}
                gap="sm"
                wrap="nowrap"
                align="flex-start"
                data-testid="agenda-item"
                data-status={item.status}
              >
                <ThemeIcon
                  size={22}
                  radius="xl"
                  variant={item.status === 'done' ? 'filled' : 'light'}
                  color={item.status === 'done' ? 'teal' : 'gray'}
                  style={{ flexShrink: 0 }}
                  aria-label={t(`consultations.agenda.${item.status}`)}
                >
                  {item.status === 'done' ? <IconCheck size={14} /> : <IconCircle size={10} />}
                </ThemeIcon>
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text
                    size="sm"
                    td={item.status === 'done' ? 'line-through' : undefined}
                    c={item.status === 'done' ? 'dimmed' : undefined}
                  >
                    <Text span fw={600} size="sm">
                      {item.position}.
                    </Text>{' '}
                    {item.text}
                  </Text>
                  {item.doneAt ? (
                    <Text size="xs" c="dimmed">
                      {t('consultations.agenda.doneAt', { at: dateTime(item.doneAt) })}
                    </Text>
                  ) : null}
                </Stack>
                {manage && item.status === 'open' ? (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="teal"
                    onClick={() => done.mutate(item.id)}
                    loading={done.isPending && done.variables === item.id}
                    data-testid="agenda-done"
                    aria-label={t('consultations.agenda.markDoneItem', { n: item.position })}
                  >
                    {t('consultations.agenda.markDone')}
                  </Button>
                ) : item.status === 'done' ? (
                  <Badge size="xs" variant="light" color="teal" style={{ flexShrink: 0 }}>
                    {t('consultations.agenda.done')}
                  </Badge>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        <StepError error={done.error} />
        {manage ? (
          <form onSubmit={submit} noValidate data-testid="agenda-form">
            <Stack gap="xs">
              <StepError error={add.error} placed={['text']} />
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('consultations.agenda.new')}
                  placeholder={t('consultations.agenda.new')}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  error={
                    tried && !text.trim() ? t('form.required') : problemFor(problemsOf(add.error), 'text')
                  }
                  maxLength={2000}
                  data-testid="agenda-text"
                />
                <Button
                  type="submit"
                  variant="default"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  loading={add.isPending}
                  data-testid="agenda-add"
                >
                  {t('consultations.agenda.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
