import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import { HOUR_MS, MINUTE_MS, type Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { sha256Hex } from '../../lib/passwords.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CustomerInspection } from '../inspections/inspections.schemas.js';
import { vehicleWords, type NotificationsService } from '../notifications/notifications.service.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import { approvedLines, chargeOf, linesIfAllApproved } from './approval-totals.js';
import {
  buildSnapshot,
  currentLines,
  lineChanged,
  snapshotLines,
  snapshotMediaHashes,
} from './approval-snapshot.js';
import {
  findApprovalRequest,
  findApprovalRequestByTokenHash,
  insertApprovalRequest,
  insertDecisions,
  listApprovalRequestsOfRepairOrder,
  listDecisionsOfRequests,
  listPendingRequestIds,
  markViewed,
  updateApprovalRequestIf,
  type ApprovalRequestRow,
} from './approvals.repository.js';
import type {
  ApprovalRequest,
  CustomerChannel,
  DeferredWork,
  PublicApproval,
  SendApprovalRequestInput,
  SentApprovalRequest,
  Snapshot,
  SubmitApprovalInput,
  SubmittedApproval,
} from './approvals.schemas.js';
import { decodeSignatureDataUrl, ensureSignatureDrawn } from './signature.js';
import { inTransaction } from '../../db/after-commit.js';

/** What approvals need from the inspections module (InspectionsService provides it). */
export interface ApprovalInspections {
  customerView(db: Db, repairOrderId: string): Promise<CustomerInspection[]>;
  openMediaOfRepairOrder(
    repairOrderId: string,
    hash: string,
  ): Promise<{ path: string; mime: string; byteSize: number }>;
  storeSignature(png: Buffer): Promise<string>;
}

/** What approvals need from the notifications module (NotificationsService provides it). */
export type ApprovalNotifications = Pick<
  NotificationsService,
  'enqueueForCustomer' | 'enqueueForStaff' | 'customerLinkBase'
>;

/** Who opened the link: recorded with the answer and in the audit log. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** A link token: 32 random bytes (256 bits), base64url, 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

const LINK_GONE: Record<string, { slug: string; detail: string }> = {
  expired: {
    slug: 'approval-link-expired',
    detail: 'This link has expired. Please contact the shop for a new one.',
  },
  revoked: {
    slug: 'approval-link-revoked',
    detail: 'The shop has withdrawn this link. Please contact the shop.',
  },
  superseded: {
    slug: 'approval-link-superseded',
    detail: 'The shop has sent a newer estimate. Please use the most recent link you received.',
  },
  submitted: {
    slug: 'approval-link-answered',
    detail: 'This estimate has already been answered. Thank you! The shop has your decisions.',
  },
  closed: {
    slug: 'approval-link-closed',
    detail: 'This repair order is no longer open for approval. Please contact the shop.',
  },
};

/**
 * Customer approval links: the advisor sends the estimate as a link `/r/<token>`; the customer
 * opens it on their phone without signing in, sees exactly what was sent (the snapshot), approves
 * or declines each recommended job, signs, and submits. Only the token's sha256 is stored; a token
 * reads its own repair order and nothing else.
 */
export class ApprovalsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly repairOrders: RepairOrdersService,
    private readonly vehicles: VehiclesService,
    private readonly settings: SettingsService,
    private readonly inspections: ApprovalInspections,
    private readonly notifications: ApprovalNotifications,
  ) {}

  // ------------------------------------------------------------------ staff

  /**
   * Sends the estimate: a new link (an earlier pending one of the repair order is superseded), the
   * snapshot of what the customer will see, and the "estimate ready" message queued in the same
   * transaction. The link is returned once; only its hash is kept.
   */
  async send(
    actor: Actor,
    repairOrderId: string,
    input: SendApprovalRequestInput,
    requestOrigin: string,
  ): Promise<SentApprovalRequest> {
    const token = randomBytes(32).toString('base64url');
    const base = (await this.notifications.customerLinkBase()) ?? requestOrigin;
    const link = `${base.replace(/\/+$/, '')}/r/${token}`;
    const now = this.clock.now();
    const sentAt = now.toISOString();
    const expiresAt = new Date(now.getTime() + input.expiresInHours * HOUR_MS).toISOString();
    const id = newId();

    const { row, superseded, delivery } = await inTransaction(this.db, async (tx) => {
      const ro = await this.repairOrders.find(tx, repairOrderId);
      if (ro === undefined) throw problems.notFound(`No repair order with id ${repairOrderId}.`);
      if (ro.status !== 'estimate' && ro.status !== 'open')
        throw problems.conflict(
          `Repair order ${ro.number} is ${ro.status}: its estimate can no longer be sent for approval.`,
          'repair-order-locked',
          { repairOrderStatus: ro.status },
        );
      const settings = await this.settings.get(tx);
      const snapshot = buildSnapshot({
        ro,
        shop: { name: settings.shopName, phone: settings.phone, address: settings.address },
        inspections: await this.inspections.customerView(tx, repairOrderId),
        message: input.message?.trim() ?? '',
        sentAt,
        expiresAt,
      });
      if (snapshot.jobs.length === 0)
        throw problems.conflict(
          'Nothing to approve: this repair order has no recommended lines. Add work or recommend a job first.',
          'nothing-to-approve',
        );
      const snapshotText = JSON.stringify(snapshot);
      const snapshotHash = sha256Hex(snapshotText);

      const superseded = (await listPendingRequestIds(tx, repairOrderId)).map((r) => r.id);
      for (const oldId of superseded) {
        const old = (await findApprovalRequest(tx, oldId))!;
        await updateApprovalRequestIf(
          tx,
          oldId,
          { status: 'pending', version: old.version },
          { status: 'superseded', updated_at: sentAt },
        );
        await this.audit.record(tx, actor, {
          action: 'approval_request.superseded',
          entityType: 'approval_request',
          entityId: oldId,
          data: { repairOrderId, by: id },
        });
      }

      const row = {
        id,
        repair_order_id: repairOrderId,
        token_hash: sha256Hex(token),
        status: 'pending' as const,
        snapshot: snapshotText,
        snapshot_hash: snapshotHash,
        message: snapshot.message,
        sent_by: actor.userId,
        sent_at: sentAt,
        expires_at: expiresAt,
        first_viewed_at: null,
        last_viewed_at: null,
        submitted_at: null,
        signer_name: null,
        signature_hash: null,
        client_ip: null,
        client_user_agent: null,
        revoked_at: null,
        revoked_by: null,
        created_at: sentAt,
        updated_at: sentAt,
      };
      await insertApprovalRequest(tx, row);

      const delivery = await this.enqueueEstimateReady(tx, ro, snapshot, link, id, input.channels);
      const lines = snapshotLines(snapshot);
      await this.audit.record(tx, actor, {
        action: 'approval_request.sent',
        entityType: 'approval_request',
        entityId: id,
        data: {
          repairOrderId,
          repairOrderNumber: ro.number,
          snapshotHash,
          expiresAt,
          lines: lines.map((l) => ({ lineId: l.lineId, version: l.version, amountCents: l.amountCents })),
          totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
          channels: delivery.queued.map((q) => q.channel),
          superseded,
        },
      });
      return { row: { ...row, version: 1 }, superseded, delivery };
    });

    for (const oldId of superseded)
      this.events.emit('approvalRequestChanged', {
        approvalRequestId: oldId,
        repairOrderId,
        change: 'superseded',
        at: sentAt,
      });
    this.events.emit('approvalRequestChanged', {
      approvalRequestId: id,
      repairOrderId,
      change: 'sent',
      at: sentAt,
    });
    const ro = await this.repairOrders.find(this.db, repairOrderId);
    // For the counter when nothing can send: the customer scans the link off the advisor's screen.
    const qrCode = await QRCode.toDataURL(link, { margin: 1, width: 240 });
    return { ...this.toRequest(row, [], ro), link, qrCode, delivery };
  }

  /** The links sent for a repair order, newest first, with answers and what changed since. */
  async list(repairOrderId: string): Promise<ApprovalRequest[]> {
    const ro = await this.repairOrders.get(repairOrderId);
    const rows = await listApprovalRequestsOfRepairOrder(this.db, repairOrderId);
    const decisions = await listDecisionsOfRequests(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((row) =>
      this.toRequest(
        row,
        decisions.filter((d) => d.approval_request_id === row.id),
        ro,
      ),
    );
  }

  /** Withdraws a pending link; revoking one already revoked is a no-op, an answered one a 409. */
  async revoke(actor: Actor, repairOrderId: string, requestId: string): Promise<ApprovalRequest> {
    const at = this.clock.now().toISOString();
    const changed = await inTransaction(this.db, async (tx) => {
      const row = await findApprovalRequest(tx, requestId);
      if (row === undefined || row.repair_order_id !== repairOrderId)
        throw problems.notFound(`No approval request ${requestId} on this repair order.`);
      if (row.status === 'revoked') return false;
      if (row.status !== 'pending')
        throw problems.conflict(
          row.status === 'submitted'
            ? 'The customer has already answered this link; it can no longer be revoked.'
            : 'A newer link replaced this one; it no longer works.',
          'approval-request-not-pending',
          { approvalRequestStatus: row.status },
        );
      const ok = await updateApprovalRequestIf(
        tx,
        requestId,
        { status: 'pending', version: row.version },
        { status: 'revoked', revoked_at: at, revoked_by: actor.userId, updated_at: at },
      );
      if (!ok) throw problems.conflict('The link changed meanwhile; reload and try again.', 'stale-version');
      await this.audit.record(tx, actor, {
        action: 'approval_request.revoked',
        entityType: 'approval_request',
        entityId: requestId,
        data: { repairOrderId, snapshotHash: row.snapshot_hash },
      });
      return true;
    });
    if (changed)
      this.events.emit('approvalRequestChanged', {
        approvalRequestId: requestId,
        repairOrderId,
        change: 'revoked',
        at,
      });
    const row = (await findApprovalRequest(this.db, requestId))!;
    const ro = await this.repairOrders.get(repairOrderId);
    return this.toRequest(row, await listDecisionsOfRequests(this.db, [requestId]), ro);
  }

  /** Declined and deferred work on a vehicle's repair orders, for follow-up. */
  async deferredWork(vehicleId: string): Promise<DeferredWork> {
    await this.vehicles.get(vehicleId); // 404 for an unknown vehicle
    const items = await this.repairOrders.deferredWork(vehicleId);
    return { items, totalCents: items.reduce((sum, item) => sum + item.amountCents, 0) };
  }

  // ------------------------------------------------------------------ the customer's link

  /** The page behind `/r/<token>`: the snapshot, with lines changed since marked undecidable. */
  async view(token: string, client: ClientInfo): Promise<PublicApproval> {
    const row = await this.findByToken(token);
    // An answered link shows what was answered (the same summary as right after answering),
    // not a bare "thank you": the customer may come back to check what they agreed to.
    // Only while the link is within its time: a link forwarded or found months later says
    // "answered" and nothing more.
    if (row.status === 'submitted' && Date.parse(row.expires_at) > this.clock.now().getTime())
      throw linkGone('submitted', parseSnapshot(row), await this.answered(row));
    this.ensureUsable(row);
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    const ro = await this.repairOrders.find(this.db, row.repair_order_id);
    this.ensureStillOpen(ro, snapshot);
    const now = this.clock.now();
    const first = row.first_viewed_at === null;
    if (first || now.getTime() - Date.parse(row.last_viewed_at ?? row.sent_at) >= MINUTE_MS) {
      await inTransaction(this.db, async (tx) => {
        await markViewed(tx, row.id, now.toISOString(), first);
        if (first)
          await this.audit.record(tx, customerActor('customer', client), {
            action: 'approval_request.viewed',
            entityType: 'approval_request',
            entityId: row.id,
            data: { repairOrderId: row.repair_order_id, userAgent: client.userAgent },
          });
      });
      if (first)
        this.events.emit('approvalRequestChanged', {
          approvalRequestId: row.id,
          repairOrderId: row.repair_order_id,
          change: 'viewed',
          at: now.toISOString(),
        });
    }
    const current = currentLines(ro);
    const decidable = new Set(
      snapshotLines(snapshot)
        .filter((line) => !lineChanged(line.version, current.get(line.lineId)))
        .map((line) => line.lineId),
    );
    const shop = await this.settings.get();
    return {
      status: 'pending',
      shop: snapshot.shop,
      customerName: snapshot.customerName,
      vehicle: snapshot.vehicle,
      repairOrderNumber: snapshot.repairOrder.number,
      message: snapshot.message,
      sentAt: snapshot.sentAt,
      expiresAt: snapshot.expiresAt,
      timeZone: shop.timezone,
      snapshotHash: row.snapshot_hash,
      jobs: snapshot.jobs.map((job) => {
        const lines = job.lines.map((line) => ({
          lineId: line.lineId,
          kind: line.kind,
          description: line.description,
          quantity: line.quantity,
          amountCents: line.amountCents,
          changed: lineChanged(line.version, current.get(line.lineId)),
        }));
        return {
          jobId: job.jobId,
          title: job.title,
          concern: job.concern,
          amountCents: job.amountCents,
          decidable: lines.some((line) => !line.changed),
          lines,
        };
      }),
      approvedWork: snapshot.approvedWork,
      totals: snapshot.totals,
      ifAllApproved: chargeOf(linesIfAllApproved(ro, decidable), shop),
      inspections: snapshot.inspections,
    };
  }

  /** A photo, video or thumbnail shown on the link's page: only those of its own snapshot. */
  async media(token: string, hash: string): Promise<{ path: string; mime: string; byteSize: number }> {
    if (!HASH_PATTERN.test(hash)) throw problems.notFound('No such photo.');
    const row = await this.requirePending(token);
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    if (!snapshotMediaHashes(snapshot).has(hash)) throw problems.notFound('No such photo.');
    return this.inspections.openMediaOfRepairOrder(row.repair_order_id, hash);
  }

  /**
   * The customer's answer, in one transaction: a decision row per line, the line's approval state
   * (method 'link', by the signer) for lines unchanged since sending, the signature, IP and user
   * agent, the request marked submitted, the audit entry with the snapshot hash, and the staff's
   * "approval received" message. A line changed since sending is not applied (outcome line_changed).
   */
  async submit(token: string, input: SubmitApprovalInput, client: ClientInfo): Promise<SubmittedApproval> {
    const before = await this.requirePending(token);
    const snapshot = JSON.parse(before.snapshot) as Snapshot;
    const sent = new Map(snapshotLines(snapshot).map((line) => [line.lineId, line]));
    this.checkDecisions(input, sent);
    const signerName = input.signerName.trim();
    if (signerName.length === 0)
      throw problems.validation([{ path: 'signerName', message: 'must not be blank' }]);
    const png = decodeSignatureDataUrl(input.signature);
    await ensureSignatureDrawn(png);
    // Stored before the transaction (it writes a file and its own row); an answer refused below
    // leaves at most an unreferenced, content-addressed signature image.
    const signatureHash = await this.inspections.storeSignature(png);
    const at = this.clock.now().toISOString();
    const actor = customerActor(signerName, client);

    const { results, approvedWithTax } = await inTransaction(this.db, async (tx) => {
      const row = await findApprovalRequest(tx, before.id);
      if (row === undefined) throw linkNotFound();
      this.ensureUsable(row);
      const ro = await this.repairOrders.find(tx, row.repair_order_id);
      this.ensureStillOpen(ro, snapshot);
      const current = currentLines(ro);
      const results = input.decisions.map((decision) => {
        const line = sent.get(decision.lineId)!;
        return {
          lineId: line.lineId,
          jobId: line.jobId,
          description: line.description,
          amountCents: line.amountCents,
          version: line.version,
          decision: decision.decision,
          outcome: lineChanged(line.version, current.get(line.lineId))
            ? ('line_changed' as const)
            : ('recorded' as const),
        };
      });
      const toApply = results.filter((r) => r.outcome === 'recorded');
      if (toApply.length > 0) {
        await this.repairOrders.recordApprovalsInTransaction(tx, actor, row.repair_order_id, {
          method: 'link',
          approvedBy: signerName,
          decisions: toApply.map((r) => ({ lineId: r.lineId, state: r.decision, version: r.version })),
        });
      }
      await insertDecisions(
        tx,
        results.map((r) => ({
          id: newId(),
          approval_request_id: row.id,
          line_id: r.lineId,
          job_id: r.jobId,
          decision: r.decision,
          line_version: r.version,
          amount_cents: r.amountCents,
          outcome: r.outcome,
          created_at: at,
          updated_at: at,
        })),
      );
      const ok = await updateApprovalRequestIf(
        tx,
        row.id,
        { status: 'pending', version: row.version },
        {
          status: 'submitted',
          submitted_at: at,
          signer_name: signerName,
          signature_hash: signatureHash,
          client_ip: client.ip,
          client_user_agent: client.userAgent,
          updated_at: at,
        },
      );
      if (!ok) throw linkGone('submitted', snapshot);
      await this.audit.record(tx, actor, {
        action: 'approval_request.submitted',
        entityType: 'approval_request',
        entityId: row.id,
        data: {
          repairOrderId: row.repair_order_id,
          snapshotHash: row.snapshot_hash,
          signerName,
          signatureHash,
          decisions: results.map((r) => ({
            lineId: r.lineId,
            jobId: r.jobId,
            decision: r.decision,
            lineVersion: r.version,
            amountCents: r.amountCents,
            outcome: r.outcome,
          })),
          at,
          ip: client.ip,
          userAgent: client.userAgent,
        },
      });
      const approvedCount = results.filter(
        (r) => r.outcome === 'recorded' && r.decision === 'approved',
      ).length;
      const declinedCount = results.filter(
        (r) => r.outcome === 'recorded' && r.decision === 'declined',
      ).length;
      await this.notifications.enqueueForStaff(tx, {
        event: 'approval_received',
        repairOrderId: row.repair_order_id,
        idempotencyKey: `approval_received:${row.id}`,
        vars: {
          signerName,
          repairOrderNumber: snapshot.repairOrder.number,
          approvedCount,
          declinedCount,
          notApplied: results.length - approvedCount - declinedCount,
          customerName: snapshot.customerName,
        },
      });
      const after = await this.repairOrders.find(tx, row.repair_order_id);
      const approvedWithTax = chargeOf(after ? approvedLines(after) : [], await this.settings.get(tx));
      return { results, approvedWithTax };
    });

    this.events.emit('approvalRequestChanged', {
      approvalRequestId: before.id,
      repairOrderId: before.repair_order_id,
      change: 'submitted',
      at,
    });
    const sum = (decision: string) =>
      results
        .filter((r) => r.outcome === 'recorded' && r.decision === decision)
        .reduce((total, r) => total + r.amountCents, 0);
    return {
      status: 'submitted',
      submittedAt: at,
      signerName,
      shop: snapshot.shop,
      repairOrderNumber: snapshot.repairOrder.number,
      results: results.map(({ version: _version, ...r }) => r),
      approvedCents: sum('approved'),
      declinedCents: sum('declined'),
      notApplied: results.filter((r) => r.outcome === 'line_changed').length,
      approvedWithTax,
    };
  }

  /** The summary of an answered link, rebuilt from its decisions: what `submit` answered. */
  private async answered(row: ApprovalRequestRow): Promise<SubmittedApproval> {
    const snapshot = parseSnapshot(row);
    const sent = new Map(snapshotLines(snapshot).map((line) => [line.lineId, line]));
    const decisions = await listDecisionsOfRequests(this.db, [row.id]);
    const results = snapshotLines(snapshot).flatMap((line) => {
      const decision = decisions.find((d) => d.line_id === line.lineId);
      if (decision === undefined) return [];
      return [
        {
          lineId: line.lineId,
          jobId: line.jobId,
          description: sent.get(line.lineId)?.description ?? '',
          amountCents: decision.amount_cents,
          decision: decision.decision,
          outcome: decision.outcome,
        },
      ];
    });
    const sum = (decision: string) =>
      results
        .filter((r) => r.outcome === 'recorded' && r.decision === decision)
        .reduce((total, r) => total + r.amountCents, 0);
    const ro = await this.repairOrders.find(this.db, row.repair_order_id);
    return {
      status: 'submitted',
      submittedAt: row.submitted_at ?? row.updated_at,
      signerName: row.signer_name ?? '',
      shop: snapshot.shop,
      repairOrderNumber: snapshot.repairOrder.number,
      results,
      approvedCents: sum('approved'),
      declinedCents: sum('declined'),
      notApplied: results.filter((r) => r.outcome === 'line_changed').length,
      approvedWithTax: chargeOf(ro ? approvedLines(ro) : [], await this.settings.get()),
    };
  }

  // ------------------------------------------------------------------ helpers

  private async enqueueEstimateReady(
    tx: Db,
    ro: RepairOrder,
    snapshot: Snapshot,
    link: string,
    requestId: string,
    channels: CustomerChannel[] | undefined,
  ): Promise<SentApprovalRequest['delivery']> {
    if (channels !== undefined && channels.length === 0)
      return {
        queued: [],
        notSent: [],
        skipped: [{ channel: 'all', reason: 'not sent: the advisor shares the link' }],
      };
    const result = await this.notifications.enqueueForCustomer(tx, {
      event: 'estimate_ready',
      customerId: ro.customer.id,
      repairOrderId: ro.id,
      idempotencyKey: `estimate_ready:${requestId}`,
      vars: {
        link,
        shopName: snapshot.shop.name,
        shopPhone: snapshot.shop.phone,
        customerName: snapshot.customerName,
        vehicle: vehicleWords(snapshot.vehicle),
        repairOrderNumber: ro.number,
        message: snapshot.message,
        expiresAt: snapshot.expiresAt,
      },
      ...(channels === undefined ? {} : { channels }),
    });
    return {
      queued: result.queued.map((q) => ({ channel: q.channel, recipient: q.recipient })),
      notSent: result.notSent.map((n) => ({ channel: n.channel, recipient: n.recipient, reason: n.reason })),
      skipped: result.skipped,
    };
  }

  /** The request a token names, if it still works; else the problem that says why (no RO data). */
  private async requirePending(token: string): Promise<ApprovalRequestRow> {
    const row = await this.findByToken(token);
    this.ensureUsable(row);
    return row;
  }

  private async findByToken(token: string): Promise<ApprovalRequestRow> {
    if (!TOKEN_PATTERN.test(token)) throw linkNotFound();
    const row = await findApprovalRequestByTokenHash(this.db, sha256Hex(token));
    if (row === undefined) throw linkNotFound();
    return row;
  }

  private ensureUsable(row: ApprovalRequestRow): void {
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    if (row.status !== 'pending') throw linkGone(row.status, snapshot);
    if (Date.parse(row.expires_at) <= this.clock.now().getTime()) throw linkGone('expired', snapshot);
  }

  /** Once invoiced, closed or void, the work can no longer change: the link stops working. */
  private ensureStillOpen(ro: RepairOrder | undefined, snapshot: Snapshot): asserts ro is RepairOrder {
    if (ro === undefined || (ro.status !== 'estimate' && ro.status !== 'open'))
      throw linkGone('closed', snapshot);
  }

  private checkDecisions(input: SubmitApprovalInput, sent: Map<string, unknown>): void {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.decisions.forEach((decision, i) => {
      if (!sent.has(decision.lineId))
        errors.push({ path: `decisions.${i}.lineId`, message: 'is not a line of this estimate' });
      else if (seen.has(decision.lineId))
        errors.push({ path: `decisions.${i}.lineId`, message: 'appears in more than one decision' });
      seen.add(decision.lineId);
    });
    if (errors.length > 0) throw problems.validation(errors);
  }

  private toRequest(
    row: ApprovalRequestRow,
    decisions: { line_id: string; decision: 'approved' | 'declined'; outcome: 'recorded' | 'line_changed' }[],
    ro: RepairOrder | undefined,
  ): ApprovalRequest {
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    const byLine = new Map(decisions.map((d) => [d.line_id, d]));
    const current = currentLines(ro);
    const lines = snapshotLines(snapshot).map((line) => {
      const decision = byLine.get(line.lineId);
      const now = current.get(line.lineId);
      // After the customer's answer the line is decided (a new version): "changed" then means it
      // moved on from what they decided, which only matters while still pending.
      const changedSinceSent = row.status === 'pending' ? lineChanged(line.version, now) : false;
      return {
        lineId: line.lineId,
        jobId: line.jobId,
        jobTitle: line.jobTitle,
        description: line.description,
        amountCents: line.amountCents,
        versionSent: line.version,
        changedSinceSent,
        decision: decision?.decision ?? null,
        outcome: decision?.outcome ?? null,
      };
    });
    return {
      id: row.id,
      repairOrderId: row.repair_order_id,
      status: row.status,
      expired: row.status === 'pending' && Date.parse(row.expires_at) <= this.clock.now().getTime(),
      message: row.message,
      snapshotHash: row.snapshot_hash,
      sentBy: row.sent_by,
      sentAt: row.sent_at,
      expiresAt: row.expires_at,
      firstViewedAt: row.first_viewed_at,
      lastViewedAt: row.last_viewed_at,
      submittedAt: row.submitted_at,
      signerName: row.signer_name,
      signatureHash: row.signature_hash,
      clientIp: row.client_ip,
      clientUserAgent: row.client_user_agent,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
      totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
      lines,
    };
  }
}

function customerActor(name: string, client: ClientInfo): Actor {
  return { userId: null, label: `${name} (customer, approval link)`.slice(0, 200), ip: client.ip };
}

/** Unknown, malformed or guessed: the same answer for all, with nothing about any repair order. */
function linkNotFound(): HttpProblem {
  return new HttpProblem({
    status: 404,
    title: 'Link not found',
    slug: 'approval-link-not-found',
    detail: 'This link is not valid. Please check that you opened the whole link, or contact the shop.',
    extensions: { linkState: 'unknown' },
  });
}

function parseSnapshot(row: ApprovalRequestRow): Snapshot {
  return JSON.parse(row.snapshot) as Snapshot;
}

/**
 * A link that worked once: 410 with why, and the shop's name and phone so the customer can call;
 * an answered link also carries the summary of the answer.
 */
function linkGone(state: string, snapshot: Snapshot, summary?: SubmittedApproval): HttpProblem {
  const gone = LINK_GONE[state] ?? LINK_GONE.closed!;
  return new HttpProblem({
    status: 410,
    title: 'Link no longer active',
    slug: gone.slug,
    detail: gone.detail,
    extensions: {
      linkState: state === 'submitted' ? 'answered' : state,
      shop: { name: snapshot.shop.name, phone: snapshot.shop.phone },
      ...(summary === undefined ? {} : { summary }),
    },
  });
}
