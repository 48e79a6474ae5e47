import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The AbortSignal of the request being served, for the read routes that opted in (issue 18
 * item 2; abandon-on-disconnect.ts). Both engines take it as the default `signal` of every
 * `query`, so a heavy read (the district register, a sheet, a report) stops at its next
 * statement, or mid-statement on PostgreSQL, once its client has gone, without every store
 * and domain helper on the way passing a signal along. Writes never run under one.
 */
const storage = new AsyncLocalStorage<AbortSignal>();

export const runWithRequestSignal = <T>(signal: AbortSignal, fn: () => T): T =>
  storage.run(signal, fn);

export const requestSignal = (): AbortSignal | undefined => storage.getStore();

/** The error a statement abandoned by its signal rejects with. */
export class StatementAbandoned extends Error {
  readonly code = 'ABANDONED';
  constructor(reason?: unknown) {
    super(
      `statement abandoned: ${reason instanceof Error ? reason.message : String(reason ?? 'aborted')}`,
    );
    this.name = 'StatementAbandoned';
  }
}
