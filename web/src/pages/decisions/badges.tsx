import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureResult, ProposalStatus, StanceKind } from '../../types.ts';
import { RESULT_COLOR, STANCE_COLOR, STATUS_COLOR } from './labels.ts';

export function StatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      radius="sm"
      miw="max-content"
      data-testid="proposal-status"
      data-status={status}
    >
      {t(`decisions.status.${status}`)}
    </Badge>
  );
}

export function ResultBadge({ result, size = 'md' }: { result: ProcedureResult; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RESULT_COLOR[result]}
      variant={size === 'lg' ? 'filled' : 'light'}
      size={size}
      radius="sm"
      miw="max-content"
      data-result={result}
    >
      {t(`decisions.result.${result}`)}
    </Badge>
  );
}

/** A state's current stance on a point, or "No answer" when it has given none. */
export function StanceBadge({
  kind,
  tooltip,
}: {
  kind: StanceKind | 'no_answer' | 'excluded';
  tooltip?: string;
}) {
  const { t } = useTranslation();
  const badge =
    kind === 'no_answer' || kind === 'excluded' ? (
      <Badge
        color="gray"
        variant="outline"
        radius="sm"
        tt="none"
        fw={500}
        miw="max-content"
        data-stance={kind}
      >
        {t(`decisions.stance.${kind}`)}
      </Badge>
    ) : (
      <Badge
        color={STANCE_COLOR[kind]}
        variant={kind === 'not_participating' ? 'outline' : 'light'}
        radius="sm"
        tt="none"
        fw={600}
        miw="max-content"
        data-stance={kind}
      >
        {t(`decisions.stance.${kind}`)}
      </Badge>
    );
  if (!tooltip) return badge;
  return (
    <Tooltip label={tooltip} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}
