import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.ts';
import type { Person } from '../core/actor.ts';
import type { DbHandle } from '../db/connect.ts';
import type { Authentication, LiveHub } from '../modules/index.ts';

/** What every request handler can reach: the database, the configuration, the live hub. */
export interface Deps {
  handle: DbHandle;
  config: Config;
  live: LiveHub;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    auth: Authentication | null;
    /** The signed-in person, or null. Routes that need one call requirePerson(c). */
    person: Person | null;
  };
}

export type App = OpenAPIHono<AppEnv>;
