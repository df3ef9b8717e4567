import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Db } from '../../db/database.js';
import { HOUR_MS } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { sha256Hex } from '../../lib/passwords.js';
import { problems } from '../../lib/problem.js';
import type { Actor } from '../audit/audit.service.js';
import { vehicleWords } from '../notifications/notifications.service.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import { buildSnapshot, currentLines, lineChanged, snapshotLines } from './approval-snapshot.js';
import {
  findApprovalRequest,
  insertApprovalRequest,
  listApprovalRequestsOfRepairOrder,
  listDecisionsOfRequests,
  listPendingRequestIds,
  updateApprovalRequestIf,
  type ApprovalRequestRow,
} from './approvals.repository.js';
import type {
  ApprovalRequest,
  CustomerChannel,
  DeferredWork,
  SendApprovalRequestInput,
  SentApprovalRequest,
  Snapshot,
} from './approvals.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import type { ApprovalDeps } from './approval-ports.js';
import { orNotFound } from '../../lib/versioning.js';

/**
 * The advisor's side of approval links: sending the estimate as a link (the snapshot, the message
 * queued with it), listing a repair order's links with what changed since, revoking one, and the
 * declined and deferred work to follow up on.
 */
export class ApprovalRequestsService {
  constructor(private readonly deps: ApprovalDeps) {}

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
    const base = (await this.deps.notifications.customerLinkBase()) ?? requestOrigin;
    const link = `${base.replace(/\/+$/, '')}/r/${token}`;
    const now = this.deps.clock.now();
    const sentAt = now.toISOString();
    const expiresAt = new Date(now.getTime() + input.expiresInHours * HOUR_MS).toISOString();
    const id = newId();

    const { row, superseded, delivery } = await inTransaction(this.deps.db, async (tx) => {
      const ro = orNotFound(
        await this.deps.repairOrders.find(tx, repairOrderId),
        'repair order',
        repairOrderId,
      );
      if (ro.status !== 'estimate' && ro.status !== 'open')
        throw problems.conflict(
          `Repair order ${ro.number} is ${ro.status}: its estimate can no longer be sent for approval.`,
          'repair-order-locked',
          { repairOrderStatus: ro.status },
        );
      const settings = await this.deps.settings.get(tx);
      const snapshot = buildSnapshot({
        ro,
        shop: { name: settings.shopName, phone: settings.phone, address: settings.address },
        inspections: await this.deps.inspections.customerView(tx, repairOrderId),
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
        await this.deps.audit.record(tx, actor, {
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
      await this.deps.audit.record(tx, actor, {
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
      this.deps.events.emit('approvalRequestChanged', {
        approvalRequestId: oldId,
        repairOrderId,
        change: 'superseded',
        at: sentAt,
      });
    this.deps.events.emit('approvalRequestChanged', {
      approvalRequestId: id,
      repairOrderId,
      change: 'sent',
      at: sentAt,
    });
    const ro = await this.deps.repairOrders.find(this.deps.db, repairOrderId);
    // For the counter when nothing can send: the customer scans the link off the advisor's screen.
    const qrCode = await QRCode.toDataURL(link, { margin: 1, width: 240 });
    return { ...this.toRequest(row, [], ro), link, qrCode, delivery };
  }

  /** The links sent for a repair order, newest first, with answers and what changed since. */
  async list(repairOrderId: string): Promise<ApprovalRequest[]> {
    const ro = await this.deps.repairOrders.get(repairOrderId);
    const rows = await listApprovalRequestsOfRepairOrder(this.deps.db, repairOrderId);
    const decisions = await listDecisionsOfRequests(
      this.deps.db,
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
    const at = this.deps.clock.now().toISOString();
    const changed = await inTransaction(this.deps.db, async (tx) => {
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
      await this.deps.audit.record(tx, actor, {
        action: 'approval_request.revoked',
        entityType: 'approval_request',
        entityId: requestId,
        data: { repairOrderId, snapshotHash: row.snapshot_hash },
      });
      return true;
    });
    if (changed)
      this.deps.events.emit('approvalRequestChanged', {
        approvalRequestId: requestId,
        repairOrderId,
        change: 'revoked',
        at,
      });
    const row = (await findApprovalRequest(this.deps.db, requestId))!;
    const ro = await this.deps.repairOrders.get(repairOrderId);
    return this.toRequest(row, await listDecisionsOfRequests(this.deps.db, [requestId]), ro);
  }

  /** Declined and deferred work on a vehicle's repair orders, for follow-up. */
  async deferredWork(vehicleId: string): Promise<DeferredWork> {
    await this.deps.vehicles.get(vehicleId); // 404 for an unknown vehicle
    const items = await this.deps.repairOrders.deferredWork(vehicleId);
    return { items, totalCents: items.reduce((sum, item) => sum + item.amountCents, 0) };
  }

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
    const result = await this.deps.notifications.enqueueForCustomer(tx, {
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

  toRequest(
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
      expired: row.status === 'pending' && Date.parse(row.expires_at) <= this.deps.clock.now().getTime(),
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
