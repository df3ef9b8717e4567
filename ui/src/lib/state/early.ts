/**
 * A request a route's `+page.ts` load starts before its page mounts (the page's liveResource takes
 * it as its first answer, see `first`). The load does not await it, so navigation is not held up;
 * it is marked handled here because a request nobody takes (the user went elsewhere, or only
 * hovered a link) must not surface as an unhandled rejection. Whoever takes it still sees the error.
 */
export function early<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}
