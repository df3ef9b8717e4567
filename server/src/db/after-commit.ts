import type { Db } from './database.js';

/**
 * Side effects of a transaction (events, outbox kicks, anything another part of the process must
 * hear) are registered with `afterCommit(tx, fn)` from wherever the transaction reaches: the
 * service that opened it, a helper it calls, another module's transaction participant. They run
 * after the commit, in the order they were registered, and a rollback drops them all: nobody is
 * ever told of a change that did not happen, and no module keeps a stash between its part of a
 * transaction and the event that follows it.
 *
 * A transaction opened with `inTransaction` carries the queue; `inTransaction` called with a
 * transaction joins it (SQLite has one writer and Kysely no nested transactions), so the effects
 * of a participant run when the outermost work commits.
 */
export type AfterCommit = () => void | Promise<void>;

/** Told of an effect that threw after its commit: the commit stands, the other effects still run. */
export type AfterCommitErrorReporter = (error: unknown) => void;

/** The queue of each open transaction. Keyed by Kysely's Transaction object: gone with it. */
const queues = new WeakMap<Db, AfterCommit[]>();
/** Where each database's failed effects are reported (app.ts sets the app's logger). */
const reporters = new WeakMap<Db, AfterCommitErrorReporter>();

/** Without a reporter (a script, a test without the app) the failure is a process warning. */
const reportAsWarning: AfterCommitErrorReporter = (error) =>
  process.emitWarning(error instanceof Error ? error : String(error), 'AfterCommitWarning');

/** Where the effects of `db`'s transactions report a failure (app.ts: the app's log). */
export function reportAfterCommitErrors(db: Db, reporter: AfterCommitErrorReporter): void {
  reporters.set(db, reporter);
}

/**
 * Runs `work` in a transaction and, once it committed, the effects registered on it. With a
 * transaction as `db` (a participant handed the caller's `tx`), `work` runs in that transaction
 * and its effects wait for the outer commit.
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (queues.has(db)) return work(db);
  if (db.isTransaction)
    throw new Error('inTransaction: this transaction was not opened by inTransaction, so it has no queue');
  const effects: AfterCommit[] = [];
  const result = await db.transaction().execute(async (tx) => {
    queues.set(tx, effects);
    try {
      return await work(tx);
    } finally {
      // Registering after the transaction ended would be a bug: it throws instead of being lost.
      queues.delete(tx);
    }
  });
  runEffects(effects, reporters.get(db) ?? reportAsWarning);
  return result;
}

/** Registers `effect` to run after `tx` commits (never, if it rolls back). */
export function afterCommit(tx: Db, effect: AfterCommit): void {
  const queue = queues.get(tx);
  if (queue === undefined)
    throw new Error(
      tx.isTransaction
        ? 'afterCommit: this transaction was not opened by inTransaction (db/after-commit.ts)'
        : 'afterCommit needs the transaction (tx) the change is written in, not the database',
    );
  queue.push(effect);
}

function runEffects(effects: readonly AfterCommit[], report: AfterCommitErrorReporter): void {
  for (const effect of effects) {
    try {
      // An async effect (a follow-up that reads the database) is started, not awaited: the request
      // that committed answers without waiting for it, and a failure is reported, not thrown.
      const running = effect();
      if (running instanceof Promise) running.catch(report);
    } catch (error) {
      report(error);
    }
  }
}
