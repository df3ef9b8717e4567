import { api, must, type Ok } from '$lib/api/client';
import { ApiProblem } from '$lib/api/problem';
import { setShopTimeZone } from '$lib/time/shop-time';
import { connection } from './connection.svelte';

type MeResponse = Ok<'/api/auth/me', 'get'>;
export type User = MeResponse['user'];
export type Role = User['role'];

async function fetchMe(): Promise<MeResponse> {
  return must(api.GET('/api/auth/me'));
}

/** Who is signed in on this device, loaded once at start and after sign-in. */
class SessionState {
  me = $state<MeResponse | null>(null);
  /** First run: no owner exists yet, so the app shows the setup screen. */
  setupNeeded = $state(false);
  loaded = $state(false);

  get user(): User | null {
    return this.me?.user ?? null;
  }

  hasRole(...roles: Role[]): boolean {
    const role = this.me?.user.role;
    return role !== undefined && roles.includes(role);
  }

  /** Asks the server whether setup is needed and who is signed in. */
  async load(): Promise<void> {
    // Signed in is the usual case: one request. Only when it fails is setup worth asking about.
    try {
      const me = await fetchMe();
      // Every screen shows times on the shop's clock: know the zone before the first screen renders.
      setShopTimeZone((await must(api.GET('/api/settings'))).timezone);
      this.me = me;
      this.setupNeeded = false;
      connection.signedOut = false;
    } catch (error) {
      if (!(error instanceof ApiProblem && error.status === 401)) throw error;
      this.me = null;
      this.setupNeeded = (await must(api.GET('/api/setup'))).needed;
    }
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
