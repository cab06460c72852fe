import type { DbHandle } from '../db/connect.ts';
import type {
  AccordModule,
  AttentionItem,
  LedgerActionSpec,
  NotificationKindSpec,
  NotificationSubjectSpec,
  PolicyRule,
  SubjectResolver,
  WebhookEventSpec,
} from './module.ts';

/**
 * What the list of modules brings, gathered once by `assemble` (src/platform.ts calls it
 * with src/modules/index.ts). Shared services read their part from here (the policy its
 * rules, the record its action kinds, the notifications their kinds, the record page its
 * subject names) without importing the modules that contribute them.
 */
interface Registry {
  modules: AccordModule[];
  rules: Map<string, Map<string, PolicyRule<never>>>;
  ledgerActions: Map<string, LedgerActionSpec & { module: string }>;
  notificationKinds: Map<string, NotificationKindSpec & { module: string }>;
  webhookEvents: Map<string, WebhookEventSpec & { module: string }>;
  subjects: Map<string, SubjectResolver>;
  notificationSubjects: Map<string, NotificationSubjectSpec>;
}

const registry: Registry = {
  modules: [],
  rules: new Map(),
  ledgerActions: new Map(),
  notificationKinds: new Map(),
  webhookEvents: new Map(),
  subjects: new Map(),
  notificationSubjects: new Map(),
};

/** Gathers the modules' contributions; a name declared twice is a programming error. */
export function assemble(modules: AccordModule[]) {
  registry.modules = modules;
  registry.rules.clear();
  registry.ledgerActions.clear();
  registry.notificationKinds.clear();
  registry.webhookEvents.clear();
  registry.subjects.clear();
  registry.notificationSubjects.clear();
  for (const module of modules) {
    for (const [kind, actions] of Object.entries(module.policy ?? {})) {
      if (registry.rules.has(kind)) throw new Error(`policy subject ${kind} declared twice (${module.name})`);
      registry.rules.set(kind, new Map(Object.entries(actions)));
    }
    for (const [action, spec] of Object.entries(module.ledgerActions ?? {})) {
      if (registry.ledgerActions.has(action)) throw new Error(`record action ${action} declared twice`);
      registry.ledgerActions.set(action, { ...spec, module: module.name });
    }
    for (const [kind, spec] of Object.entries(module.notificationKinds ?? {})) {
      if (registry.notificationKinds.has(kind)) throw new Error(`notification kind ${kind} declared twice`);
      registry.notificationKinds.set(kind, { ...spec, module: module.name });
    }
    for (const [event, spec] of Object.entries(module.webhookEvents ?? {})) {
      if (event === 'ping' || registry.webhookEvents.has(event))
        throw new Error(`webhook event ${event} declared twice (ping is the test event)`);
      registry.webhookEvents.set(event, { ...spec, module: module.name });
    }
    for (const [type, resolver] of Object.entries(module.subjects ?? {})) {
      if (registry.subjects.has(type)) throw new Error(`record subject ${type} declared twice`);
      registry.subjects.set(type, resolver);
    }
    for (const [type, spec] of Object.entries(module.notificationSubjects ?? {})) {
      if (registry.notificationSubjects.has(type))
        throw new Error(`notification subject ${type} declared twice`);
      registry.notificationSubjects.set(type, spec);
    }
  }
}

/** The modules in their listed order. */
export const modules = (): readonly AccordModule[] => registry.modules;
/** The rule for an action on a subject kind, if any module declared one. */
export const ruleFor = (kind: string, action: string) => registry.rules.get(kind)?.get(action);
/** Every record action kind with its payload schema. */
export const ledgerActions = (): ReadonlyMap<string, LedgerActionSpec & { module: string }> =>
  registry.ledgerActions;
/** Every notification kind, in the order the modules declared them. */
export const notificationKinds = (): ReadonlyMap<string, NotificationKindSpec & { module: string }> =>
  registry.notificationKinds;
/** Every webhook event kind, in the order the modules declared them. */
export const webhookEvents = (): ReadonlyMap<string, WebhookEventSpec & { module: string }> =>
  registry.webhookEvents;
/** Whether a request may go without a signed-in person: a path some module declared public. */
export function isPublicPath(method: string, path: string): boolean {
  const verb = method === 'HEAD' ? 'GET' : method;
  return registry.modules.some((m) =>
    (m.publicPaths ?? []).some(
      (p) =>
        (p.method ?? 'GET') === verb &&
        (typeof p.path === 'string' ? p.path === path : new RegExp(`^(?:${p.path.source})$`).test(path)),
    ),
  );
}
/** Every notification subject type with its visibility, facts and path, by type. */
export const notificationSubjects = (): ReadonlyMap<string, NotificationSubjectSpec> =>
  registry.notificationSubjects;
/** The resolver of a record subject type's names and links. */
export const subjectResolver = (type: string) => registry.subjects.get(type);

/**
 * Loads every module's demo data in their declared order (a module's demo may rely on an
 * earlier one's); each loader leaves a database that already has its data alone. Answers
 * the loaders' lines for the log.
 */
export async function loadDemos(handle: DbHandle): Promise<string[]> {
  const loaders = registry.modules.flatMap((m) => (m.demo ? [m.demo] : [])).sort((a, b) => a.order - b.order);
  const lines: string[] = [];
  for (const demo of loaders) {
    const line = await demo.load(handle);
    if (line) lines.push(line);
  }
  return lines;
}

export type { AttentionItem };
