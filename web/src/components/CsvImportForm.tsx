import { Alert, Button, Card, FileInput, List, Progress, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lineProblems } from '../lib/upload.ts';
import { FormError } from './FormError.tsx';

/** How many refused lines are listed; the heading counts them all. */
const SHOWN = 50;

export interface CsvImportFormProps<T> {
  title: string;
  /** The columns expected, with an example line. */
  hint: ReactNode;
  /** Sends the file's text, telling the upload's progress (0..1); fails with the ApiError of a refusal. */
  upload: (csv: string, onProgress: (share: number) => void) => Promise<T>;
  /** What to say once the file is in. */
  done: (result: T) => ReactNode;
  onImported?: (result: T) => void;
  /** Options of the import shown above the button (e.g. drafts or submitted). */
  children?: ReactNode;
  testId?: string;
}

/**
 * A CSV file imported whole or not at all: the file, its upload's progress, and a refusal's
 * reasons line by line (the server names `lines.<n>.<column>`), so the officer mends the file
 * and sends it again. Used by every module that imports CSV.
 */
export function CsvImportForm<T>({
  title,
  hint,
  upload,
  done,
  onImported,
  children,
  testId = 'import-form',
}: CsvImportFormProps<T>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<T | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const answer = await upload(await file.text(), setProgress);
      setResult(answer);
      setFile(null);
      onImported?.(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  };
  const lines = lineProblems(error);
  return (
    <Card p="md" withBorder component="section" aria-label={title}>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      <form onSubmit={submit} noValidate data-testid={testId}>
        <Stack gap="sm">
          <FileInput
            label={t('csvImport.file')}
            placeholder={t('csvImport.choose')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconFileUpload size={16} aria-hidden />}
            data-testid="import-file"
          />
          {children}
          {progress !== null ? (
            <Progress
              value={progress * 100}
              animated
              aria-label={t('csvImport.progress')}
              data-testid="import-progress"
            />
          ) : null}
          {lines.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={t('csvImport.refused', { count: lines.length })}
              data-testid="import-errors"
            >
              <List size="sm">
                {lines.slice(0, SHOWN).map((l) => (
                  <List.Item key={`${l.line}-${l.field}`}>
                    {l.field
                      ? t('csvImport.line', { line: l.line, field: l.field, reason: l.reason })
                      : t('csvImport.lineWhole', { line: l.line, reason: l.reason })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <FormError error={error} placed={[]} />
          )}
          {result !== null ? (
            <Alert color="teal" variant="light" data-testid="import-result">
              {done(result)}
            </Alert>
          ) : null}
          <Button
            type="submit"
            variant="default"
            disabled={!file}
            loading={progress !== null}
            data-testid="import-submit"
          >
            {t('csvImport.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
