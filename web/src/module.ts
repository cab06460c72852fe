import type { QueryKey } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ComponentType, lazy, type ReactNode } from 'react';
import type { NotificationItem } from './notifications.ts';
import type { Me } from './types.ts';

/**
 * What a module brings to the web UI, the web side of src/core/module.ts. Each page folder's
 * `module.tsx` exports one of these, and web/src/modules.ts lists them: the routes (App.tsx),
 * the navigation (components/Navigation.tsx), the live refreshes (live.ts) and the wording of
 * notifications (pages/notifications/NotificationText.tsx) are built from that list. Adding a
 * module's UI means writing its folder and adding it to the list; nothing else.
 *
 * @example
 * const WebhooksPage = lazyPage(() => import('./WebhooksPage.tsx'), 'WebhooksPage');
 * export const webhooksWeb = defineWebModule({
 *   name: 'webhooks',
 *   routes: [{ path: '/webhooks', element: <WebhooksPage /> }],
 *   nav: { section: 'nav.governance', entries: [{ path: '/webhooks', label: 'webhooks.nav', icon: IconWebhook }] },
 * });
 */
export interface WebModule {
  /** The page folder's name (web/src/pages/<name>); the server module's name where there is one. */
  name: string;
  /** Pages behind the sign-in guard, inside the layout (navigation, header). */
  routes?: WebRoute[];
  /** Pages anyone may open without signing in, without the layout (sign-in, certificate verification). */
  publicRoutes?: WebRoute[];
  /** The module's entries in the navigation, under a section shared with the modules that name the same one. */
  nav?: NavContribution;
  /** Which cached answers a live event makes stale. */
  live?: LiveRefresh[];
  /** How the module words the notifications it sends, by kind (the kinds its server module declares). */
  notifications?: Record<string, NotificationWording>;
  /**
   * The webhook event kinds its server module declares (`webhookEvents`), in the order the
   * webhook form lists them; each is worded by `webhooks.eventNames.<kind>` in en/ru.
   */
  webhookEvents?: string[];
}

export interface WebRoute {
  /** The address from the root, as react-router matches it: "/proposals/:id"; "/" is the home page. */
  path: string;
  /** What it shows: a page imported by module.tsx, or one made with `lazyPage` (loaded on first visit). */
  element: ReactNode;
}

export type NavIcon = ComponentType<{ size?: number; stroke?: number }>;

export interface NavContribution {
  /** The i18n key of the section's title; modules naming the same key share the section, in list order. */
  section: string;
  entries: NavEntry[];
}

export interface NavEntry {
  /** Where it leads; the entry is marked current on this path and below it ("/" only on itself). */
  path: string;
  /** The i18n key of its label (en.json and ru.json). */
  label: string;
  icon: NavIcon;
  /**
   * Whether the signed-in person sees the entry (always, when absent). A hook, so it may read
   * the abilities the server sends with an answer (e.g. the users list's `abilities`) rather
   * than repeat a rule of src/policy; it is called on every render of the navigation.
   */
  useVisible?: (user: Me) => boolean;
}

/** Query keys refreshed by a live event of the record's stream (web/src/api/links.ts LIVE_STREAM). */
export type LiveRefresh =
  | {
      /** A new record entry the person may read. */
      on: 'entry';
      /**
       * Prefixes of the record actions concerned ("proposal.", "leg"); every entry when absent.
       * An entry whose action cannot be read counts as concerned, to be safe.
       */
      actions?: string[];
      keys: QueryKey[];
    }
  | {
      /** A notification was written for the signed-in person. */
      on: 'notification';
      keys: QueryKey[];
    };

/** What a wording has at hand: the translation function and the reader's date format. */
export interface Words {
  t: TFunction;
  dateTime: (iso: string) => string;
}

/** How one kind of notification reads, below its title (`notifications.kind.<kind>` in en/ru.json). */
export interface NotificationWording {
  /** What it is about, in its own words (a proposal's title; a request's reference and title), or null. */
  subject: (item: NotificationItem) => string | null;
  /** The line under it (a deadline, a state's answer, a result), or null. */
  detail: (item: NotificationItem, words: Words) => string | null;
}

/** Declares a web module (an identity function, for the types). */
export const defineWebModule = (module: WebModule): WebModule => module;

/** A page loaded on first visit: its file, and the component it exports under `name`. */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType<Record<string, unknown>> })));
}
