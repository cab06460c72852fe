import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifySuccess } from '../../components/notify.ts';
import { KEYS } from '../../queries.ts';
import type { User } from '../../types.ts';

/** A mutation that answers `{ user }`; refreshes the people list and confirms with a notification. */
export function useUserMutation<V>(
  mutationFn: (variables: V) => Promise<{ user: User }>,
  success: (user: User) => string,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: ({ user }) => {
      queryClient.setQueryData<{ items: User[] }>(KEYS.users, (old) =>
        old ? { ...old, items: old.items.map((u) => (u.id === user.id ? user : u)) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: KEYS.users });
      notifySuccess(success(user));
      onDone?.();
    },
  });
}
