import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.ts';

const closeButtonProps = () => ({ 'aria-label': i18n.t('common.close') });

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, closeButtonProps: closeButtonProps() });
}

export function notifyError(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, closeButtonProps: closeButtonProps() });
}
