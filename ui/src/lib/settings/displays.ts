import type { Ok } from '$lib/api/client';

export type DisplayToken = Ok<'/api/display-tokens', 'get'>['items'][number];

/** The address a bay TV opens: the token travels in the query, as the /display screen expects. */
export function displayUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/display?token=${encodeURIComponent(token)}`;
}

/** Screens still working first (newest first), revoked ones after. */
export function sortTokens<T extends Pick<DisplayToken, 'revokedAt' | 'createdAt'>>(
  tokens: readonly T[],
): T[] {
  return [...tokens].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
}
