import { Button, Center } from '@mantine/core';
import type { ReactNode } from 'react';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" under a paged list, or what to show once every page is in (`end`). */
export function LoadMore({
  pages,
  label,
  end = null,
  testId,
}: {
  pages: Pages;
  label: string;
  end?: ReactNode;
  testId?: string;
}) {
  return (
    <Center>
      {pages.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          data-testid={testId}
        >
          {label}
        </Button>
      ) : (
        end
      )}
    </Center>
  );
}
