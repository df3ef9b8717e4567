import { HttpProblem } from '../../lib/problem.js';
import type { Actor } from '../audit/audit.service.js';
import { type ApprovalRequestRow } from './approvals.repository.js';
import type { Snapshot, SubmittedApproval } from './approvals.schemas.js';

/**
 * An approval link as the customer meets it: what a token looks like, who answers through it, and
 * the answer a link that does not (or no longer) work gets. Nothing here reads the database.
 */

/** Who opened the link: recorded with the answer and in the audit log. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** A link token: 32 random bytes (256 bits), base64url, 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

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

export function customerActor(name: string, client: ClientInfo): Actor {
  return { userId: null, label: `${name} (customer, approval link)`.slice(0, 200), ip: client.ip };
}

/** Unknown, malformed or guessed: the same answer for all, with nothing about any repair order. */
export function linkNotFound(): HttpProblem {
  return new HttpProblem({
    status: 404,
    title: 'Link not found',
    slug: 'approval-link-not-found',
    detail: 'This link is not valid. Please check that you opened the whole link, or contact the shop.',
    extensions: { linkState: 'unknown' },
  });
}

export function parseSnapshot(row: ApprovalRequestRow): Snapshot {
  return JSON.parse(row.snapshot) as Snapshot;
}

/**
 * A link that worked once: 410 with why, and the shop's name and phone so the customer can call;
 * an answered link also carries the summary of the answer.
 */
export function linkGone(state: string, snapshot: Snapshot, summary?: SubmittedApproval): HttpProblem {
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
