/**
 * What went wrong talking to a car, in words a service advisor can act on. The server turns each
 * fault into a problem+json answer; the UI shows `message` as it is.
 */
export type ObdFault =
  /** Nothing at that serial path: the adapter is not plugged in (or the path is wrong). */
  | 'no-adapter'
  /** Another program (or another scan) has the port open. */
  | 'port-busy'
  /** The port exists but this process may not open it (Linux: the dialout group). */
  | 'permission'
  /** Something answers on the port, but not as an ELM327 does. */
  | 'not-an-adapter'
  /** The adapter answers, the car does not: ignition off, or the adapter not in the car's socket. */
  | 'no-car'
  /** The car answered that it has no data for a request it must support. */
  | 'no-data'
  /** No `>` prompt within the deadline. */
  | 'timeout'
  /** The port closed mid-scan: the adapter was pulled out (or lost power). */
  | 'unplugged'
  /** The adapter reported an error of its own (bus error, buffer full, unknown command). */
  | 'adapter-error'
  /** Clearing codes was asked without the caller's explicit confirmation. */
  | 'not-confirmed';

export class ObdError extends Error {
  constructor(
    readonly fault: ObdFault,
    message: string,
    /** The adapter's own words or the OS error, for the log and the problem's detail. */
    readonly raw: string | null = null,
  ) {
    super(message);
    this.name = 'ObdError';
  }
}

export const isObdError = (error: unknown): error is ObdError => error instanceof ObdError;
