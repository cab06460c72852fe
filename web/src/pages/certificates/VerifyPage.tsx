import { Alert, Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, client, ok } from '../../api/client.ts';
import { OrganisationMark } from '../../components/AppLayout.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { CertificateDocument } from './CertificateDocument.tsx';
import { VerificationPanel } from './VerificationPanel.tsx';

const CODE = /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/;

/** Upper case, dashes every four characters: "abcd efgh…" → "ABCD-EFGH-…". */
export function normaliseCode(input: string) {
  const chars = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return chars.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * Public: anyone holding a certificate's verification code (a border post, a customs
 * officer) checks it against the record without signing in, and sees only what it proves.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [input, setInput] = useState(code);
  const [inputError, setInputError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const verification = useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => ok(client.GET('/api/verify/{code}', { params: { path: { code } }, signal })),
    enabled: CODE.test(code),
    retry: false,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = normaliseCode(input);
    if (!CODE.test(next)) {
      setInputError(t('certificate.verify.badCode'));
      return;
    }
    setInputError(null);
    void navigate(`/verify/${next}`);
  };
  const notFound = verification.error instanceof ApiError && verification.error.status === 404;

  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Stack maw={980} mx="auto" gap="lg">
        <Group justify="space-between" wrap="nowrap" className="no-print">
          <OrganisationMark />
          <LanguageSwitch />
        </Group>
        <Paper p="lg" shadow="xs" className="no-print">
          <Box component="form" onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <Title order={1} fz={22}>
                {t('certificate.verify.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('certificate.verify.intro')}
              </Text>
              <Group align="flex-start" gap="sm">
                <TextInput
                  label={t('certificate.codeLabel')}
                  placeholder="ABCD-EFGH-JKLM-NPQR"
                  value={input}
                  onChange={(e) => setInput(e.currentTarget.value)}
                  error={inputError}
                  ff="monospace"
                  autoCapitalize="characters"
                  spellCheck={false}
                  style={{ flex: 1, minWidth: 240 }}
                  name="code"
                />
                <Button type="submit" mt={25} loading={verification.isFetching}>
                  {t('certificate.verify.submit')}
                </Button>
              </Group>
            </Stack>
          </Box>
        </Paper>
        {notFound ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t('certificate.verify.unknown')}
          </Alert>
        ) : verification.error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {verification.error.message}
          </Alert>
        ) : null}
        {verification.data ? (
          <>
            <VerificationPanel
              verification={verification.data}
              onChecked={() => void queryClient.invalidateQueries({ queryKey: ['verify', code] })}
            />
            <CertificateDocument certificate={verification.data.certificate} />
          </>
        ) : null}
        <Center>
          <Text size="xs" c="dimmed">
            {t('certificate.verify.footer')}
          </Text>
        </Center>
      </Stack>
    </Box>
  );
}
