import { MINUTE_MS } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { sha256Hex } from '../../lib/passwords.js';
import { problems, type FieldError } from '../../lib/problem.js';
import type { RepairOrder } from '../repair-orders/repair-orders.schemas.js';
import { approvedLines, chargeOf, linesIfAllApproved } from './approval-totals.js';
import { currentLines, lineChanged, snapshotLines, snapshotMediaHashes } from './approval-snapshot.js';
import {
  findApprovalRequest,
  findApprovalRequestByTokenHash,
  insertDecisions,
  listDecisionsOfRequests,
  markViewed,
  updateApprovalRequestIf,
  type ApprovalRequestRow,
} from './approvals.repository.js';
import type {
  PublicApproval,
  Snapshot,
  SubmitApprovalInput,
  SubmittedApproval,
} from './approvals.schemas.js';
import { decodeSignatureDataUrl, ensureSignatureDrawn } from './signature.js';
import { inTransaction } from '../../db/after-commit.js';
import {
  customerActor,
  linkGone,
  linkNotFound,
  parseSnapshot,
  HASH_PATTERN,
  TOKEN_PATTERN,
  type ClientInfo,
} from './approval-link.js';
import type { ApprovalDeps } from './approval-ports.js';

/**
 * The customer's side of an approval link `/r/<token>`, without signing in: the page (exactly
 * what was sent, lines changed since marked), its photos, and the signed answer recorded in one
 * transaction. Only the token's sha256 is stored; a token reads its own repair order and nothing else.
 */
export class CustomerApprovalsService {
  constructor(private readonly deps: Omit<ApprovalDeps, 'vehicles'>) {}

  /** The page behind `/r/<token>`: the snapshot, with lines changed since marked undecidable. */
  async view(token: string, client: ClientInfo): Promise<PublicApproval> {
    const row = await this.findByToken(token);
    // An answered link shows what was answered (the same summary as right after answering),
    // not a bare "thank you": the customer may come back to check what they agreed to.
    // Only while the link is within its time: a link forwarded or found months later says
    // "answered" and nothing more.
    if (row.status === 'submitted' && Date.parse(row.expires_at) > this.deps.clock.now().getTime())
      throw linkGone('submitted', parseSnapshot(row), await this.answered(row));
    this.ensureUsable(row);
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    const ro = await this.deps.repairOrders.find(this.deps.db, row.repair_order_id);
    this.ensureStillOpen(ro, snapshot);
    const now = this.deps.clock.now();
    const first = row.first_viewed_at === null;
    if (first || now.getTime() - Date.parse(row.last_viewed_at ?? row.sent_at) >= MINUTE_MS) {
      await inTransaction(this.deps.db, async (tx) => {
        await markViewed(tx, row.id, now.toISOString(), first);
        if (first)
          await this.deps.audit.record(tx, customerActor('customer', client), {
            action: 'approval_request.viewed',
            entityType: 'approval_request',
            entityId: row.id,
            data: { repairOrderId: row.repair_order_id, userAgent: client.userAgent },
          });
      });
      if (first)
        this.deps.events.emit('approvalRequestChanged', {
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
    const shop = await this.deps.settings.get();
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
    return this.deps.inspections.openMediaOfRepairOrder(row.repair_order_id, hash);
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
    const signatureHash = await this.deps.inspections.storeSignature(png);
    const at = this.deps.clock.now().toISOString();
    const actor = customerActor(signerName, client);

    const { results, approvedWithTax } = await inTransaction(this.deps.db, async (tx) => {
      const row = await findApprovalRequest(tx, before.id);
      if (row === undefined) throw linkNotFound();
      this.ensureUsable(row);
      const ro = await this.deps.repairOrders.find(tx, row.repair_order_id);
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
        await this.deps.repairOrders.recordApprovalsInTransaction(tx, actor, row.repair_order_id, {
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
      await this.deps.audit.record(tx, actor, {
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
      await this.deps.notifications.enqueueForStaff(tx, {
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
      const after = await this.deps.repairOrders.find(tx, row.repair_order_id);
      const approvedWithTax = chargeOf(after ? approvedLines(after) : [], await this.deps.settings.get(tx));
      return { results, approvedWithTax };
    });

    this.deps.events.emit('approvalRequestChanged', {
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
    const decisions = await listDecisionsOfRequests(this.deps.db, [row.id]);
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
    const ro = await this.deps.repairOrders.find(this.deps.db, row.repair_order_id);
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
      approvedWithTax: chargeOf(ro ? approvedLines(ro) : [], await this.deps.settings.get()),
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
    const row = await findApprovalRequestByTokenHash(this.deps.db, sha256Hex(token));
    if (row === undefined) throw linkNotFound();
    return row;
  }

  private ensureUsable(row: ApprovalRequestRow): void {
    const snapshot = JSON.parse(row.snapshot) as Snapshot;
    if (row.status !== 'pending') throw linkGone(row.status, snapshot);
    if (Date.parse(row.expires_at) <= this.deps.clock.now().getTime()) throw linkGone('expired', snapshot);
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
}
