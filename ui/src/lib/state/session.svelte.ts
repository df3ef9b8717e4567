import { api, must, type Ok } from '$lib/api/client';
import { setShopTimeZone } from '$lib/time/shop-time';
import { connection } from './connection.svelte';

type MeResponse = Ok<'/api/auth/me', 'get'>;
export type User = MeResponse['user'];
export type Role = User['role'];

/** Who is signed in on this device, loaded once at start and after sign-in. */
class SessionState {
  me = $state<MeResponse | null>(null);
  /** First run: no owner exists yet, so the app shows the setup screen. */
  setupNeeded = $state(false);
  loaded = $state(false);
  /** The shop's name from settings, for the app's header. */
  shopName = $state<string | null>(null);

  get user(): User | null {
    return this.me?.user ?? null;
  }

  hasRole(...roles: Role[]): boolean {
    const role = this.me?.user.role;
    return role !== undefined && roles.includes(role);
  }

  /** Asks the server whether setup is needed and who is signed in. */
  async load(): Promise<void> {
    // One request that answers 200 signed in or not: a 401 here would be logged by the browser as
    // an error on every first page load before sign-in.
    // The shop's name and zone come in the same answer: a second request could race a sign-out
    // (clicked while this runs) and be refused with a 401 the browser logs as an error.
    const state = await must(api.GET('/api/auth/session'));
    if (state.me !== null && state.shop !== null) {
      // Every screen shows times on the shop's clock: know the zone before the first screen renders.
      setShopTimeZone(state.shop.timezone);
      this.shopName = state.shop.name;
      connection.signedOut = false;
    }
    this.me = state.me;
    this.setupNeeded = state.setupNeeded;
    this.loaded = true;
  }

  async signOut(): Promise<void> {
    try {
      await must(api.POST('/api/auth/logout'));
    } finally {
      this.me = null;
    }
  }
}

export const session = new SessionState();
