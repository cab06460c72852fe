import { clearSubscriptions, subscribe } from './core/events.ts';
import type { AccordModule } from './core/module.ts';
import { assemble } from './core/registry.ts';
import { MODULES } from './modules/index.ts';

let assembled: readonly AccordModule[] | null = null;

/**
 * Gathers what the modules bring (policy rules, record actions, notification kinds,
 * subject names, event subscriptions) into the shared registries. Every entry point calls
 * it first: the server, the CLI, the test setup, the bench. Calling it again is harmless.
 */
export function assemblePlatform(modules: readonly AccordModule[] = MODULES): readonly AccordModule[] {
  if (assembled === modules) return modules;
  assembled = null; // a failed assembly leaves nothing half-trusted
  assemble([...modules]);
  clearSubscriptions();
  for (const module of modules) if (module.subscriptions) subscribe(module.subscriptions);
  assembled = modules;
  return modules;
}
