import { Agent, request } from 'node:http';

/**
 * Write load for the crash-safety loop, and the ledger of every write the server acknowledged.
 * A write counts as acknowledged only when its whole 2xx response arrived: that is the moment a
 * client (the counter, a card terminal) believes it happened, so after any crash it must be there.
 */

export type Rng = () => number;

/** mulberry32: small, fast and seedable, so a failing run can be replayed with its seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

// ------------------------------------------------------------------ HTTP

/** The connection broke before a whole answer arrived: the write may or may not have happened. */
export class Interrupted extends Error {
  constructor(cause: unknown) {
    super(`request interrupted: ${(cause as Error).message}`);
    this.name = 'Interrupted';
  }
}

/** A non-2xx answer the load did not expect (a bug, not a crash effect). */
export class UnexpectedResponse extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} → ${status}: ${body.slice(0, 500)}`);
    this.name = 'UnexpectedResponse';
  }
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * node:http with one keep-alive agent per server run: after the SIGKILL the agent is destroyed,
 * so no request of the next run can land on a socket of the dead process.
 */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  /** Requests sent and not yet answered: at the kill, these are the writes cut in half. */
  inFlight = 0;

  constructor(
    private readonly port: number,
    private readonly cookie: string | undefined = undefined,
    private readonly timeoutMs = 15_000,
  ) {}

  close(): void {
    this.agent.destroy();
  }

  /** Any answer, 2xx or not; throws Interrupted when none arrived whole. */
  send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonResponse & { setCookie: string[] }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    this.inFlight += 1;
    return new Promise<JsonResponse & { setCookie: string[] }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...(this.cookie === undefined ? {} : { cookie: this.cookie }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(new Interrupted(error)));
          res.on('aborted', () => reject(new Interrupted(new Error('response aborted'))));
          res.on('end', () => {
            if (!res.complete) return reject(new Interrupted(new Error('response cut short')));
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text === '' ? null : JSON.parse(text);
            } catch {
              // a truncated JSON body is an interrupted answer, never an acknowledgement
              if ((res.statusCode ?? 0) < 300)
                return reject(new Interrupted(new Error('2xx body is not whole JSON')));
            }
            const setCookie = res.headers['set-cookie'] ?? [];
            resolve({ status: res.statusCode ?? 0, body: parsed, setCookie });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (error) => reject(new Interrupted(error)));
      req.end(payload);
    }).finally(() => (this.inFlight -= 1));
  }

  /** A 2xx JSON answer, or UnexpectedResponse / Interrupted. */
  async ok<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.send(method, path, body, headers);
    if (response.status < 200 || response.status >= 300)
      throw new UnexpectedResponse(method, path, response.status, JSON.stringify(response.body));
    return response.body as T;
  }
}

// ------------------------------------------------------------------ the ledger

export interface AckCustomer {
  id: string;
  name: string;
}
export interface AckVehicle {
  id: string;
  customerId: string;
  make: string;
  model: string;
  year: number;
}
export interface AckRepairOrder {
  id: string;
  number: number;
  customerId: string;
  vehicleId: string;
  concerns: string[];
  /** The jobs the concerns became, in the same transaction as the repair order. */
  jobIds: string[];
}
export interface AckCannedJob {
  jobId: string;
  repairOrderId: string;
  cannedJobId: string;
  /** The lines copied from the canned job, in the same transaction as the job. */
  lineIds: string[];
}
export interface AckLine {
  id: string;
  jobId: string;
  kind: string;
  description: string;
  quantityMilli: number;
  unitPriceCents: number;
  amountCents: number;
}
export interface AckInvoice {
  id: string;
  number: number;
  repairOrderId: string;
  totalCents: number;
  /** invoice_lines ids, written with the invoice. */
  lineIds: string[];
}
export interface AckPayment {
  id: string;
  invoiceId: string;
  amountCents: number;
  key: string;
  /** The invoice status the payment's answer showed ('paid' settles the RO and its jobs). */
  invoiceStatus: string;
}
/** A payment whose request was cut by the kill: retried with the same key after the restart. */
export interface InFlightPayment {
  invoiceId: string;
  amountCents: number;
  key: string;
  /** Set by the offline check: the payment committed under this key, or null when none was. */
  committedPaymentId?: string | null;
}

export const JOB_STATUS_RANK: Record<string, number> = {
  Pending: 0,
  In_Progress: 1,
  Blocked: 1,
  Completed: 2,
  Paid: 3,
};

export class AckLedger {
  readonly customers: AckCustomer[] = [];
  readonly vehicles: AckVehicle[] = [];
  readonly repairOrders: AckRepairOrder[] = [];
  readonly cannedJobs: AckCannedJob[] = [];
  readonly lines: AckLine[] = [];
  /** line id → acknowledged approved */
  readonly approvedLines = new Set<string>();
  approvals = 0;
  /** job id → the furthest status acknowledged */
  readonly jobStatus = new Map<string, string>();
  statusChanges = 0;
  readonly invoices: AckInvoice[] = [];
  readonly payments: AckPayment[] = [];
  /** Repair orders not yet paid, to be finished by a later client (busy: one is on it now). */
  readonly openCars = new Map<string, { customerName: string; busy: boolean }>();
  readonly inFlightPayments: InFlightPayment[] = [];
  /** Payments retried after a restart whose first try had been committed (the key replayed). */
  replayedPayments = 0;
  /** Payments retried after a restart whose first try had not been committed. */
  retriedFreshPayments = 0;
  /** Sign-ins (sessions): acknowledged writes too. */
  logins = 0;

  /** Every acknowledged write so far (each one is checked after every crash). */
  get size(): number {
    return (
      this.customers.length +
      this.vehicles.length +
      this.repairOrders.length +
      this.cannedJobs.length +
      this.lines.length +
      this.approvals +
      this.statusChanges +
      this.invoices.length +
      this.payments.length +
      this.logins
    );
  }

  /** Acknowledged writes by kind, for the summary. */
  byKind(): Record<string, number> {
    return {
      customers: this.customers.length,
      vehicles: this.vehicles.length,
      repairOrders: this.repairOrders.length,
      cannedJobs: this.cannedJobs.length,
      lines: this.lines.length,
      approvals: this.approvals,
      statusChanges: this.statusChanges,
      invoices: this.invoices.length,
      payments: this.payments.length,
      logins: this.logins,
    };
  }

  recordJobStatus(jobId: string, status: string): void {
    this.statusChanges += 1;
    const before = this.jobStatus.get(jobId);
    if (before === undefined || JOB_STATUS_RANK[status]! >= JOB_STATUS_RANK[before]!)
      this.jobStatus.set(jobId, status);
  }
}

// ------------------------------------------------------------------ the load

interface RepairOrderAnswer {
  id: string;
  number: number;
  jobs: { id: string; version: number }[];
}
interface JobAnswer {
  id: string;
  version: number;
  lines: { id: string }[];
}
interface LineAnswer {
  id: string;
  jobId: string;
  kind: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
}
interface RepairOrderState {
  id: string;
  status: string;
  jobs: { id: string; status: string; lines: { id: string; approvalState: string }[] }[];
}
interface InvoiceAnswer {
  id: string;
  number: number;
  repairOrderId: string;
  totalCents: number;
  balanceCents: number;
  status: string;
  lines: { id: string }[];
}
interface PaymentAnswer {
  payment: { id: string; amountCents: number; invoiceId: string | null };
  invoice: InvoiceAnswer;
}

const LINE_TEMPLATES = [
  { kind: 'labor', description: 'Diagnose', quantities: [0.5, 1, 1.25], partNumber: undefined },
  { kind: 'labor', description: 'Replace pads', quantities: [1, 1.5, 2], partNumber: undefined },
  { kind: 'part', description: 'Oil filter', quantities: [1, 2], partNumber: 'OF-7' },
  { kind: 'part', description: 'Wiper blade', quantities: [1, 2, 3], partNumber: 'WB-22' },
  { kind: 'fee', description: 'Disposal', quantities: [1], partNumber: undefined },
  { kind: 'sublet', description: 'Alignment (sublet)', quantities: [1], partNumber: undefined },
] as const;

/** What one client needs to know about the shop it loads. */
export interface LoadContext {
  cannedJobId: string;
  /** Unique per lane, so names and keys never collide across lanes or cycles. */
  tag: string;
}

/**
 * One client: repeats the day of one car (customer → vehicle → repair order → lines → approval →
 * jobs done → invoice → payments) until the server dies under it. Small single-row writes and
 * multi-row transactions (an RO with its jobs, a canned job with its lines, approvals, an invoice
 * with its lines, a payment that settles the RO) interleave across clients.
 */
export class LoadClient {
  private sequence = 0;
  stopped = false;

  constructor(
    private readonly http: HttpClient,
    private readonly context: LoadContext,
    private readonly ledger: AckLedger,
    private readonly rng: Rng,
    private readonly id: string,
  ) {}

  /** Runs until stopped or the connection breaks; returns the error that ended it (if not a break). */
  async run(): Promise<UnexpectedResponse | Error | undefined> {
    try {
      while (!this.stopped) await this.oneCar();
      return undefined;
    } catch (error) {
      if (error instanceof Interrupted) return undefined;
      return error as Error;
    }
  }

  private async oneCar(): Promise<void> {
    // Half the time, finish a car an earlier kill left open: invoices and payments get their share.
    if (this.rng() < 0.5 && (await this.resumeCar())) return;
    const { http, ledger, rng } = this;
    const n = `${this.context.tag}-${this.id}-${(this.sequence += 1)}`;

    const customerName = `Crash ${n}`;
    const customer = await http.ok<{ id: string }>('POST', '/api/customers', { name: customerName });
    ledger.customers.push({ id: customer.id, name: customerName });

    const car = {
      make: pick(rng, ['Honda', 'Ford', 'Toyota']),
      model: `M-${n}`,
      year: 2000 + (n.length % 24),
    };
    const vehicle = await http.ok<{ id: string }>('POST', '/api/vehicles', {
      customerId: customer.id,
      ...car,
    });
    ledger.vehicles.push({ id: vehicle.id, customerId: customer.id, ...car });

    const concerns = Array.from({ length: 1 + Math.floor(rng() * 3) }, (_, i) => `Concern ${i + 1} of ${n}`);
    const ro = await http.ok<RepairOrderAnswer>('POST', '/api/repair-orders', {
      customerId: customer.id,
      vehicleId: vehicle.id,
      concerns,
    });
    ledger.repairOrders.push({
      id: ro.id,
      number: ro.number,
      customerId: customer.id,
      vehicleId: vehicle.id,
      concerns,
      jobIds: ro.jobs.map((j) => j.id),
    });

    // From here on the car can be finished by any client in a later cycle if the kill comes first.
    ledger.openCars.set(ro.id, { customerName, busy: true });
    try {
      if (rng() < 0.5) {
        const job = await http.ok<JobAnswer>('POST', `/api/repair-orders/${ro.id}/jobs`, {
          cannedJobId: this.context.cannedJobId,
        });
        ledger.cannedJobs.push({
          jobId: job.id,
          repairOrderId: ro.id,
          cannedJobId: this.context.cannedJobId,
          lineIds: job.lines.map((l) => l.id),
        });
      }
      for (const job of ro.jobs) {
        const count = 1 + Math.floor(rng() * 3);
        for (let i = 0; i < count; i++) await this.addLine(job.id, n);
      }
      await this.finishCar(ro.id, customerName, n);
    } finally {
      const car = ledger.openCars.get(ro.id);
      if (car !== undefined) car.busy = false;
    }
  }

  private async addLine(jobId: string, n: string): Promise<string> {
    const template = pick(this.rng, LINE_TEMPLATES);
    const body = {
      kind: template.kind,
      description: `${template.description} ${n}`,
      quantity: pick(this.rng, template.quantities),
      unitPriceCents: 100 + Math.floor(this.rng() * 20_000),
      ...(template.partNumber === undefined ? {} : { partNumber: template.partNumber }),
    };
    const line = await this.http.ok<LineAnswer>('POST', `/api/jobs/${jobId}/lines`, body);
    this.ledger.lines.push({
      id: line.id,
      jobId: line.jobId,
      kind: line.kind,
      description: line.description,
      quantityMilli: Math.round(line.quantity * 1000),
      unitPriceCents: line.unitPriceCents,
      amountCents: line.amountCents,
    });
    return line.id;
  }

  /** A car left unfinished by an earlier kill, taken up where the server says it stands. */
  private async resumeCar(): Promise<boolean> {
    for (const [roId, car] of this.ledger.openCars) {
      if (car.busy) continue;
      car.busy = true;
      try {
        await this.finishCar(
          roId,
          car.customerName,
          `${this.context.tag}-${this.id}-r${(this.sequence += 1)}`,
        );
      } finally {
        car.busy = false;
      }
      return true;
    }
    return false;
  }

  /**
   * Approval → jobs done → invoice → payments, each step chosen from the state the server reports
   * (a step cut by a kill may or may not have happened; the server's answer says which).
   */
  private async finishCar(roId: string, customerName: string, n: string): Promise<void> {
    const { http, ledger } = this;
    let ro = await http.ok<RepairOrderState>('GET', `/api/repair-orders/${roId}`);
    if (ro.status === 'open') {
      if (ro.jobs.every((job) => job.lines.length === 0)) {
        await this.addLine(ro.jobs[0]!.id, n);
        ro = await http.ok<RepairOrderState>('GET', `/api/repair-orders/${roId}`);
      }
      const recommended = ro.jobs.flatMap((job) =>
        job.lines.filter((l) => l.approvalState === 'recommended').map((l) => l.id),
      );
      if (recommended.length > 0) {
        await http.ok('POST', `/api/repair-orders/${roId}/approvals`, {
          method: 'in_person',
          approvedBy: customerName,
          decisions: recommended.map((lineId) => ({ lineId, state: 'approved' })),
        });
        ledger.approvals += 1;
        for (const id of recommended) ledger.approvedLines.add(id);
      }
      for (const job of ro.jobs) {
        if (job.lines.length === 0) continue; // no approved work: invoicing does not wait for it
        let { status, version } = await http.ok<JobAnswer & { status: string }>('GET', `/api/jobs/${job.id}`);
        for (const next of ['In_Progress', 'Completed']) {
          if (JOB_STATUS_RANK[status]! >= JOB_STATUS_RANK[next]!) continue;
          ({ status, version } = await http.ok<JobAnswer & { status: string }>(
            'POST',
            `/api/jobs/${job.id}/status`,
            { status: next, version },
          ));
          ledger.recordJobStatus(job.id, next);
        }
      }
      const invoice = await http.ok<InvoiceAnswer>('POST', '/api/invoices', { repairOrderId: roId });
      ledger.invoices.push({
        id: invoice.id,
        number: invoice.number,
        repairOrderId: roId,
        totalCents: invoice.totalCents,
        lineIds: invoice.lines.map((l) => l.id),
      });
      ro = { ...ro, status: 'invoiced' };
    }
    if (ro.status === 'invoiced') {
      const page = await http.ok<{ items: InvoiceAnswer[] }>(
        'GET',
        `/api/invoices?repairOrderId=${roId}&status=issued`,
      );
      const invoice = page.items[0];
      if (invoice !== undefined) {
        // One payment, or two when the total splits: the second settles the invoice.
        const balance = invoice.balanceCents;
        const half = Math.floor(balance / 2);
        const parts = balance > 1 && this.rng() < 0.5 ? [half, balance - half] : [balance];
        for (const [i, amountCents] of parts.entries())
          await this.pay({ invoiceId: invoice.id, amountCents, key: `crash-${n}-pay-${i}` });
      }
    }
    ledger.openCars.delete(roId);
  }

  private async pay(payment: InFlightPayment): Promise<PaymentAnswer> {
    try {
      const answer = await this.http.ok<PaymentAnswer>(
        'POST',
        `/api/invoices/${payment.invoiceId}/payments`,
        { method: 'cash', amountCents: payment.amountCents },
        { 'idempotency-key': payment.key },
      );
      recordPayment(this.ledger, payment, answer);
      return answer;
    } catch (error) {
      if (error instanceof Interrupted) this.ledger.inFlightPayments.push(payment);
      throw error;
    }
  }
}

export function recordPayment(ledger: AckLedger, payment: InFlightPayment, answer: PaymentAnswer): void {
  ledger.payments.push({
    id: answer.payment.id,
    invoiceId: payment.invoiceId,
    amountCents: answer.payment.amountCents,
    key: payment.key,
    invoiceStatus: answer.invoice.status,
  });
}

/**
 * After a restart, a payment cut by the kill is sent again with the same Idempotency-Key, as a
 * card terminal would: the server must replay the payment when the first try was committed
 * (`committedPaymentId`, found in the file while the server was down) and take it once now when not.
 */
export async function retryInFlightPayments(http: HttpClient, ledger: AckLedger): Promise<void> {
  for (const payment of ledger.inFlightPayments.splice(0)) {
    const answer = await http.ok<PaymentAnswer>(
      'POST',
      `/api/invoices/${payment.invoiceId}/payments`,
      { method: 'cash', amountCents: payment.amountCents },
      { 'idempotency-key': payment.key },
    );
    if (payment.committedPaymentId === undefined)
      throw new Error(`in-flight payment ${payment.key} was not looked up in the file before the retry`);
    if (payment.committedPaymentId !== null) {
      if (answer.payment.id !== payment.committedPaymentId)
        throw new Error(
          `retry of key ${payment.key} made payment ${answer.payment.id}, but ${payment.committedPaymentId} was committed with that key: paid twice`,
        );
      ledger.replayedPayments += 1;
    } else {
      ledger.retriedFreshPayments += 1;
    }
    recordPayment(ledger, payment, answer);
  }
}
