import { assemblePlatform } from '../platform.ts';

// Every test file starts with the platform assembled from the module list, as the server,
// the CLI and the bench do: the policy's rules, the record's actions, the notification
// kinds and the event subscriptions are in place before any command runs.
assemblePlatform();
