import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** **strong** and *emphasis* (or _emphasis_) as React elements; everything else stays text. */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) out.push(text.slice(last, index));
    if (match[1] !== undefined) out.push(<strong key={index}>{match[1]}</strong>);
    else out.push(<em key={index}>{match[2] ?? match[3]}</em>);
    last = index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'paragraph'; text: string };

function blocks(source: string): Block[] {
  const out: Block[] = [];
  for (const chunk of source.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim());
    if (lines.length === 0) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0].trim());
    if (heading && lines.length === 1) {
      out.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/;
    const numbered = /^\s*\d+[.)]\s+(.*)$/;
    if (lines.every((l) => bullet.test(l)) || lines.every((l) => numbered.test(l))) {
      const ordered = numbered.test(lines[0]);
      out.push({
        kind: 'list',
        ordered,
        items: lines.map((l) => (ordered ? numbered : bullet).exec(l)?.[1] ?? l),
      });
      continue;
    }
    out.push({ kind: 'paragraph', text: lines.join('\n') });
  }
  return out;
}

/**
 * A proposal's Markdown as React elements: paragraphs, headings, lists, strong and
 * emphasis. No HTML is ever parsed or inserted (React escapes every text), so nothing in
 * a text can run; links, tables and raw HTML are shown as their plain source.
 */
export function MarkdownText({ source, testId }: { source: string; testId?: string }) {
  const parsed = blocks(source);
  if (parsed.length === 0) return null;
  return (
    <Stack gap="sm" data-testid={testId}>
      {parsed.map((block, i) => {
        if (block.kind === 'heading')
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity beyond their position
            <Title key={i} order={Math.min(6, block.level + 2) as 3 | 4 | 5 | 6} fz="md">
              {inline(block.text)}
            </Title>
          );
        if (block.kind === 'list')
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity beyond their position
            <List key={i} type={block.ordered ? 'ordered' : 'unordered'} size="sm" spacing={4} withPadding>
              {block.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity beyond their position
                <List.Item key={j}>{inline(item)}</List.Item>
              ))}
            </List>
          );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity beyond their position
          <Text key={i} size="sm" lh={1.65} style={{ whiteSpace: 'pre-line' }}>
            {inline(block.text)}
          </Text>
        );
      })}
    </Stack>
  );
}
