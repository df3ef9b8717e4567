import { isRefusal, type DisplayBoard } from './board';

/**
 * GET /api/display/board with the TV's display token. Plain fetch, not the staff client: a TV has
 * no session to lose, and the staff app's offline banner ("your typing is kept") means nothing here.
 */
export type BoardAnswer =
  { kind: 'ok'; board: DisplayBoard } | { kind: 'refused'; detail: string } | { kind: 'unreachable' };

export async function fetchBoard(token: string): Promise<BoardAnswer> {
  let response: Response;
  try {
    response = await fetch('/api/display/board', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.ok) return { kind: 'ok', board: (await response.json()) as DisplayBoard };
  if (isRefusal(response.status)) return { kind: 'refused', detail: await detailOf(response) };
  // 5xx or a proxy in between: the server will be back, keep the last picture and retry.
  return { kind: 'unreachable' };
}

async function detailOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: unknown };
    return typeof body.detail === 'string' ? body.detail : '';
  } catch {
    return '';
  }
}
