import type { FastifyInstance } from 'fastify';
import { RouteTable, SHARED_PERMISSIONS } from '../plugins/route-permissions.js';
import type { AnyModuleDefinition, Kernel, ModuleParts } from './module.js';
import type { Services } from './services.js';

/**
 * Turns the app's list of module definitions into running modules: picks the ones asked for (and
 * what they need), creates them in list order handing each the services it named, puts their
 * route × role rows in one table, registers their routes, and gives them one lifecycle:
 * subscriptions and start in list order when the app is ready, startListening once it listens,
 * stop and unsubscribe in reverse order when it closes.
 */

export interface WiredModule {
  definition: AnyModuleDefinition;
  parts: ModuleParts<Partial<Services>>;
}

export interface WiredModules {
  modules: WiredModule[];
  services: Partial<Services>;
  routeTable: RouteTable;
}

/**
 * The definitions to build, in list order: all of them, or the named ones plus every module they
 * need (transitively). A test builds a small app this way.
 */
export function selectModules(
  all: readonly AnyModuleDefinition[],
  names: readonly string[] | undefined,
): AnyModuleDefinition[] {
  if (names === undefined) return [...all];
  const giverOf = new Map<keyof Services, AnyModuleDefinition>();
  for (const definition of all) for (const service of definition.gives) giverOf.set(service, definition);
  const chosen = new Set<AnyModuleDefinition>();
  const visit = (definition: AnyModuleDefinition): void => {
    if (chosen.has(definition)) return;
    chosen.add(definition);
    for (const need of definition.needs) {
      const giver = giverOf.get(need);
      if (giver === undefined)
        throw new Error(`module ${definition.name} needs ${need}, which no module gives`);
      visit(giver);
    }
  };
  for (const name of names) {
    const definition = all.find((d) => d.name === name);
    if (definition === undefined) throw new Error(`no module is named ${name}`);
    visit(definition);
  }
  return all.filter((definition) => chosen.has(definition));
}

/** Creates the modules in order; a module listed before one it needs is a wiring mistake. */
export async function createModules(
  definitions: readonly AnyModuleDefinition[],
  kernel: Kernel,
): Promise<WiredModules> {
  const services: Partial<Services> = {};
  const modules: WiredModule[] = [];
  const routeTable = new RouteTable();
  routeTable.add(SHARED_PERMISSIONS, 'the shared plugins');
  for (const definition of definitions) {
    const needs: Partial<Services> = {};
    for (const need of definition.needs) {
      if (services[need] === undefined)
        throw new Error(`module ${definition.name} needs ${need}: list the module that gives it earlier`);
      Object.assign(needs, { [need]: services[need] });
    }
    const parts = await definition.create(kernel, needs as never);
    for (const given of definition.gives) {
      if (parts.gives[given] === undefined)
        throw new Error(`module ${definition.name} did not give ${given}`);
    }
    Object.assign(services, parts.gives);
    routeTable.add(parts.permissions ?? {}, `module ${definition.name}`);
    modules.push({ definition, parts });
  }
  return { modules, services, routeTable };
}

/** Hooks the modules' lifecycle into the app's: ready → start, listen → startListening, close → stop. */
export function installLifecycle(app: FastifyInstance, wired: WiredModules): void {
  const unsubscribes = new Map<WiredModule, Array<() => void>>();
  app.addHook('onReady', async () => {
    for (const module of wired.modules) {
      unsubscribes.set(module, module.parts.subscriptions?.(app.events) ?? []);
      await module.parts.start?.();
    }
  });
  app.addHook('onListen', async () => {
    for (const { parts } of wired.modules) await parts.startListening?.();
  });
  // Each module first stops hearing events, then stops its work; the last started stops first.
  app.addHook('onClose', async () => {
    for (const module of [...wired.modules].reverse()) {
      for (const unsubscribe of unsubscribes.get(module) ?? []) unsubscribe();
      await module.parts.stop?.();
    }
  });
}

export async function registerModuleRoutes(app: FastifyInstance, wired: WiredModules): Promise<void> {
  for (const { parts } of wired.modules) await parts.routes?.(app);
}
