import type { paths } from '$lib/api/schema';

/**
 * The customer's approval page (/r/<token>): loading, the choices per job, the running total and
 * what is sent. Plain fetch, not the staff client: a customer has no session, and the staff app's
 * sign-out and offline handling mean nothing here.
 */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type PublicApproval = Json<paths['/api/public/approvals/{token}']['get']['responses'][200]>;
export type SubmittedApproval = Json<paths['/api/public/approvals/{token}']['post']['responses'][200]>;
export type PublicJob = PublicApproval['jobs'][number];
export type CustomerInspection = PublicApproval['inspections'][number];
export type Decision = 'approved' | 'declined';
export type Choices = Record<string, Decision | undefined>;

/** Why a link does not open: each gets its own page. */
export type LinkState = 'unknown' | 'expired' | 'revoked' | 'superseded' | 'answered' | 'closed';

/** The link no longer opens (answered, expired, …): what the page says, and whom to call. */
export interface GoneAnswer {
  kind: 'gone';
  state: LinkState;
  detail: string;
  shop: { name: string; phone: string } | null;
  summary: SubmittedApproval | null;
}

export type PageAnswer = { kind: 'ok'; page: PublicApproval } | GoneAnswer | { kind: 'unreachable' };

const LINK_STATES: readonly LinkState[] = [
  'unknown',
  'expired',
  'revoked',
  'superseded',
  'answered',
  'closed',
];

export function apiPath(token: string): string {
  return `/api/public/approvals/${encodeURIComponent(token)}`;
}

export function mediaUrl(token: string, hash: string): string {
  return `${apiPath(token)}/media/${encodeURIComponent(hash)}`;
}

export async function loadApproval(token: string, fetchFn: typeof fetch = fetch): Promise<PageAnswer> {
  let response: Response;
  try {
    response = await fetchFn(apiPath(token), { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.ok) return { kind: 'ok', page: (await response.json()) as PublicApproval };
  return goneOf(response);
}

export type SubmitAnswer =
  | { kind: 'ok'; result: SubmittedApproval }
  | GoneAnswer
  | { kind: 'invalid'; detail: string; fields: Record<string, string> }
  | { kind: 'unreachable' };

export async function submitApproval(
  token: string,
  body: { signerName: string; signature: string; decisions: { lineId: string; decision: Decision }[] },
  fetchFn: typeof fetch = fetch,
): Promise<SubmitAnswer> {
  let response: Response;
  try {
    response = await fetchFn(apiPath(token), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.ok) return { kind: 'ok', result: (await response.json()) as SubmittedApproval };
  if (response.status === 404 || response.status === 410) return goneOf(response);
  const problem = await problemOf(response);
  if (response.status === 400) {
    const fields: Record<string, string> = {};
    for (const error of problem.errors ?? [])
      fields[error.path.split('.')[0] ?? error.path] ??= error.message;
    return { kind: 'invalid', detail: problem.detail ?? 'Please check the form.', fields };
  }
  if (response.status === 429)
    return {
      kind: 'invalid',
      detail: problem.detail ?? 'Too many attempts. Wait a minute and try again.',
      fields: {},
    };
  return { kind: 'unreachable' };
}

interface Problem {
  detail?: string;
  linkState?: string;
  shop?: { name?: unknown; phone?: unknown };
  /** An answered link (within its time): the summary of the answer, as the submit returned it. */
  summary?: SubmittedApproval;
  errors?: { path: string; message: string }[];
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return {};
  }
}

async function goneOf(response: Response): Promise<PageAnswer & { kind: 'gone' | 'unreachable' }> {
  if (response.status !== 404 && response.status !== 410 && response.status !== 429)
    return { kind: 'unreachable' };
  const problem = await problemOf(response);
  const state = LINK_STATES.find((s) => s === problem.linkState) ?? 'unknown';
  const shop =
    problem.shop && typeof problem.shop.name === 'string'
      ? { name: problem.shop.name, phone: typeof problem.shop.phone === 'string' ? problem.shop.phone : '' }
      : null;
  return {
    kind: 'gone',
    state: response.status === 429 ? 'unknown' : state,
    detail: problem.detail ?? '',
    shop,
    summary: state === 'answered' && problem.summary?.status === 'submitted' ? problem.summary : null,
  };
}

/** "$633.04 with tax": the invoice's total, computed on the server by the invoice's own function. */
export function withTaxText(totalCents: number, format: (cents: number) => string): string {
  return `${format(totalCents)} with tax`;
}

/** The headline of each page a link that does not open gets. */
export function goneTitle(state: LinkState): string {
  switch (state) {
    case 'expired':
      return 'This link has expired';
    case 'revoked':
      return 'This link was withdrawn';
    case 'superseded':
      return 'There is a newer estimate';
    case 'answered':
      return 'Already answered. Thank you!';
    case 'closed':
      return 'This estimate is closed';
    case 'unknown':
      return 'Link not found';
  }
}

/** Lines of a job the customer can still decide (the shop did not change them after sending). */
export function decidableLines(job: PublicJob): PublicJob['lines'] {
  return job.lines.filter((line) => !line.changed);
}

/** The amount a decision on the job concerns: its unchanged lines. */
export function decidableAmount(job: PublicJob): number {
  return decidableLines(job).reduce((sum, line) => sum + line.amountCents, 0);
}

/** Work approved on this page, before tax. */
export function approvedTotal(page: PublicApproval, choices: Choices): number {
  return page.jobs
    .filter((job) => job.decidable && choices[job.jobId] === 'approved')
    .reduce((sum, job) => sum + decidableAmount(job), 0);
}

/** Jobs the customer still has to answer. */
export function undecided(page: PublicApproval, choices: Choices): PublicJob[] {
  return page.jobs.filter((job) => job.decidable && choices[job.jobId] === undefined);
}

/** One decision per unchanged line of every answered job. */
export function decisionsOf(
  page: PublicApproval,
  choices: Choices,
): { lineId: string; decision: Decision }[] {
  return page.jobs.flatMap((job) => {
    const decision = choices[job.jobId];
    if (!job.decidable || decision === undefined) return [];
    return decidableLines(job).map((line) => ({ lineId: line.lineId, decision }));
  });
}

/** What still stops the customer from sending, in words; empty when ready. */
export function missingBeforeSubmit(
  page: PublicApproval,
  choices: Choices,
  signerName: string,
  signed: boolean,
): string[] {
  const missing: string[] = [];
  const open = undecided(page, choices);
  if (open.length === 1) missing.push(`Approve or decline "${open[0]!.title}".`);
  else if (open.length > 1) missing.push(`Approve or decline each of the ${open.length} remaining jobs.`);
  if (signerName.trim() === '') missing.push('Type your name.');
  if (!signed) missing.push('Sign in the box.');
  return missing;
}

export const RATING_WORDS: Record<string, { label: string; meaning: string }> = {
  red: { label: 'Needs attention', meaning: 'Should be fixed now' },
  yellow: { label: 'Soon', meaning: 'Will need attention soon' },
  green: { label: 'OK', meaning: 'Checked and OK' },
};

/** "2018 Honda Civic · ABC123" */
export function vehicleLine(vehicle: PublicApproval['vehicle']): string {
  const words = [vehicle.year, vehicle.make, vehicle.model].filter((w) => w !== null && w !== '').join(' ');
  return [words || 'Your vehicle', vehicle.licensePlate].filter(Boolean).join(' · ');
}
