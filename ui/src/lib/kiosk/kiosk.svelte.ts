import type { KioskCheckInResult, KioskMatch, KioskPaired, KioskSelf, KioskVin } from '$contracts/kiosk';
import { LiveConnection } from '$lib/state/realtime.svelte';
import { kioskApi, kioskSocketUrl, kioskToken, type KioskAnswer } from './api';
import { CheckInAttempt } from './check-in-attempt';
import { vinFromScan } from './codes';
import {
  asNewWalkIn,
  back,
  checkInBody,
  chooseReadyBy,
  checkedIn,
  chooseMatch,
  chooseNewVehicle,
  choosePath,
  chooseVehicle,
  chooseWaiting,
  concernsEntered,
  lookedUp,
  newCustomerEntered,
  newVehicleEntered,
  odometerEntered,
  phoneEntered,
  scanCode,
  setLanguage,
  showServerError,
  startOver,
  stepProblems,
  type FlowState,
  type KioskPath,
  type Step,
  type StepProblem,
} from './flow';
import { translator } from './i18n';
import { idleAction, type IdlePhase } from './idle';
import { retryWhileUnreachable } from './retry';
import type { FieldMessages, Translate } from './types';

/**
 * The kiosk app's state: paired or not, the customer's flow (flow.ts decides the steps), the
 * messages on screen, the idle wipe and the one check-in attempt. Screens read it and call its
 * methods; it talks to the server through api.ts only.
 */
export class Kiosk {
  phase = $state<'loading' | 'pairing' | 'ready'>('loading');
  /** The code from the QR's address (?pair=), sent once by the pairing screen. */
  pairCode = $state<string | null>(null);
  self = $state<KioskSelf | null>(null);
  /** The server is not answering while the kiosk starts: it keeps trying. */
  starting = $state<'ok' | 'unreachable'>('ok');
  flow = $state<FlowState>(startOver());
  errors = $state<FieldMessages>({});
  formError = $state<string | null>(null);
  busy = $state(false);
  result = $state<KioskCheckInResult | null>(null);
  vin = $state<KioskVin | null>(null);
  idle = $state<IdlePhase>({ phase: 'active' });
  staffExit = $state(false);

  #lastTouchMs = Date.now();
  #thanksAtMs = 0;
  #reads = new AbortController();
  #live: LiveConnection | null = null;
  readonly #attempt = new CheckInAttempt({
    send: (body, signal) => kioskApi.checkIn(body, signal),
    onRetry: () => (this.formError = this.tr('error.unreachable')),
  });

  tr: Translate = $derived(translator(this.flow.draft.language));

  // ---- pairing ------------------------------------------------------------------------------

  async start(pairCode: string | null): Promise<void> {
    if (pairCode !== null) {
      this.pairCode = pairCode;
      this.phase = 'pairing';
      return;
    }
    if (kioskToken.get() === null) {
      this.phase = 'pairing';
      return;
    }
    const answer = await retryWhileUnreachable(() => kioskApi.self(), {
      signal: this.#reads.signal,
      maxTries: Number.MAX_SAFE_INTEGER,
      delaysMs: [1_000, 2_000, 5_000, 10_000],
      onRetry: () => (this.starting = 'unreachable'),
    });
    this.starting = 'ok';
    if (answer.kind === 'ok') this.#ready(answer.data);
    else this.unpair();
  }

  paired(paired: KioskPaired): void {
    kioskToken.set(paired.token);
    this.pairCode = null;
    this.#ready(paired.kiosk);
  }

  #ready(self: KioskSelf): void {
    this.self = self;
    this.phase = 'ready';
    this.wipe();
    this.#watchRevocation();
  }

  /** Forgets the token (staff "Unpair", or the server says it no longer holds): the pairing screen. */
  unpair(): void {
    kioskToken.clear();
    this.#live?.close();
    this.#live = null;
    this.staffExit = false;
    this.self = null;
    this.wipe();
    this.phase = 'pairing';
  }

  /** A revoked kiosk's socket is closed with 4401 at once: confirm with a request, then pair again. */
  #watchRevocation(): void {
    const token = kioskToken.get();
    this.#live?.close();
    if (token === null) return;
    this.#live = new LiveConnection(() => kioskSocketUrl(token), {
      onEnded: () => {
        void kioskApi.self().then((answer) => {
          if (answer.kind === 'unpaired') this.unpair();
        });
      },
    });
    this.#live.watch([], {});
  }

  stop(): void {
    this.#live?.close();
    this.#reads.abort();
    this.#attempt.abandon();
  }

  // ---- idle -----------------------------------------------------------------------------------

  touch(): void {
    this.#lastTouchMs = Date.now();
    if (this.idle.phase !== 'active') this.idle = { phase: 'active' };
  }

  /** Called every second: the "Still there?" prompt, the wipe, the thank-you's own reset (idle.ts). */
  tick(nowMs: number = Date.now()): void {
    if (this.phase !== 'ready' || this.self === null) return;
    // Waiting on the server ("Checking you in…") is not walking away.
    if (this.busy) this.#lastTouchMs = nowMs;
    const action = idleAction({
      step: this.flow.step,
      nowMs,
      lastTouchMs: this.#lastTouchMs,
      thanksAtMs: this.#thanksAtMs,
      idleSeconds: this.self.idleSeconds,
      busy: this.busy,
      language: this.flow.draft.language,
    });
    if (action.do === 'wipe') this.wipe();
    else if (action.do === 'ask') this.idle = { phase: 'asking', secondsLeft: action.secondsLeft };
    else if (this.idle.phase !== 'active') this.idle = { phase: 'active' };
  }

  /** Everything the customer typed or was shown goes; the welcome screen returns. */
  wipe(): void {
    this.#attempt.abandon();
    this.#reads.abort();
    this.#reads = new AbortController();
    this.flow = startOver();
    this.errors = {};
    this.formError = null;
    this.busy = false;
    this.result = null;
    this.vin = null;
    this.idle = { phase: 'active' };
    this.#lastTouchMs = Date.now();
  }

  // ---- moving through the flow ----------------------------------------------------------------

  #move(next: FlowState): void {
    this.flow = next;
    this.errors = {};
    this.formError = null;
  }

  /** The step's own checks; false (and the messages shown, the first field focused) when one fails. */
  #checked(step: Step): boolean {
    const problems = stepProblems(step, this.flow.draft);
    this.#show(problems);
    return problems.length === 0;
  }

  #show(problems: StepProblem[]): void {
    const errors: FieldMessages = {};
    let formError: string | null = null;
    for (const problem of problems) {
      const text = this.tr(problem.key, problem.values);
      if (problem.field === 'form') formError = text;
      else errors[problem.field] ??= text;
    }
    this.errors = errors;
    this.formError = formError;
    const first = problems.find((p) => p.field !== 'form');
    if (first) queueMicrotask(() => document.getElementById(first.field)?.focus());
  }

  /** What an answer that is not "ok" means for the customer (or the tablet). */
  #refusal(answer: Exclude<KioskAnswer<unknown>, { kind: 'ok' }>): void {
    if (answer.kind === 'unpaired') return this.unpair();
    if (answer.kind === 'rate-limited') this.formError = this.tr('error.rateLimited');
    else if (answer.kind === 'unreachable') this.formError = this.tr('error.unreachable');
    else if (answer.kind === 'invalid' && answer.errors[0]) this.#showServerError(answer.errors[0].path);
    else if (answer.kind === 'invalid') this.formError = this.tr('error.field');
    else if (answer.type.endsWith(':vin-on-file')) this.#showServerError('vin-on-file');
    else if (answer.type.endsWith(':authorization-text-changed')) {
      // The owner changed the text while it was on screen: show the new one, to be read and signed.
      void kioskApi.self().then((fresh) => {
        if (fresh.kind === 'ok') this.self = fresh.data;
      });
      this.#showServerError('authorization-text-changed');
    } else this.formError = this.tr('error.unknown');
  }

  #showServerError(path: string): void {
    const shown = showServerError(this.flow, path);
    this.flow = shown.state;
    this.#show([shown.problem]);
  }

  setLanguage(language: 'en' | 'es'): void {
    this.flow = setLanguage(this.flow, language);
  }

  choosePath(path: KioskPath): void {
    this.#move(choosePath(this.flow, path));
  }

  back(): void {
    if (this.busy) return;
    this.#reads.abort();
    this.#reads = new AbortController();
    this.#move(back(this.flow));
  }

  phoneEntered(): void {
    if (this.#checked('phone')) this.#move(phoneEntered(this.flow));
  }

  scanCode(): void {
    this.#move(scanCode(this.flow));
  }

  async #lookup(
    call: (signal: AbortSignal) => Promise<KioskAnswer<{ matches: KioskMatch[] }>>,
  ): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const signal = this.#reads.signal;
    const answer = await retryWhileUnreachable(call, {
      signal,
      maxTries: 6,
      onRetry: () => (this.formError = this.tr('error.unreachable')),
    });
    if (signal.aborted) return;
    this.busy = false;
    if (answer.kind === 'ok') this.#move(lookedUp(this.flow, answer.data.matches));
    else this.#refusal(answer);
  }

  factEntered(): void {
    if (!this.#checked('fact')) return;
    const { phone, fact } = this.flow.draft;
    void this.#lookup(() => kioskApi.lookup({ phone, fact: fact.trim() }));
  }

  codeScanned(code: string): void {
    void this.#lookup(() => kioskApi.lookupCode({ code }));
  }

  chooseMatch(match: KioskMatch): void {
    this.#move(chooseMatch(this.flow, match));
  }

  asNewWalkIn(): void {
    this.#move(asNewWalkIn(this.flow));
  }

  newCustomerEntered(): void {
    if (this.#checked('new-customer')) this.#move(newCustomerEntered(this.flow));
  }

  chooseVehicle(vehicleRef: string): void {
    this.#move(chooseVehicle(this.flow, vehicleRef));
  }

  chooseNewVehicle(): void {
    this.#move(chooseNewVehicle(this.flow));
  }

  /** A VIN typed to its 17th character, or scanned: the server decodes it (offline) and checks its digit. */
  vinChanged(text: string): void {
    const vin = vinFromScan(text);
    if (vin === null || this.vin?.vin === vin) return;
    const signal = this.#reads.signal;
    void kioskApi.vin({ vin }).then((answer) => {
      if (!signal.aborted && answer.kind === 'ok') this.vin = answer.data;
      else if (answer.kind === 'unpaired') this.unpair();
    });
  }

  newVehicleEntered(): void {
    if (this.#checked('new-vehicle')) this.#move(newVehicleEntered(this.flow));
  }

  concernsEntered(): void {
    if (this.#checked('concerns')) this.#move(concernsEntered(this.flow));
  }

  odometerEntered(): void {
    if (this.#checked('odometer')) this.#move(odometerEntered(this.flow));
  }

  /** A signature drawn (or cleared): the "please sign" message goes once there is one. */
  signatureChanged(signature: string | null): void {
    this.flow.draft.signature = signature;
    if (signature !== null && this.errors.signature) this.errors = { ...this.errors, signature: undefined };
  }

  chooseReadyBy(iso: string): void {
    this.flow = { ...this.flow, draft: chooseReadyBy(this.flow.draft, iso) };
  }

  chooseWaiting(waiting: boolean): void {
    this.#move(chooseWaiting(this.flow, waiting));
  }

  /** "Check in": once, however often it is tapped; retried by itself while the server is away. */
  async checkIn(): Promise<void> {
    if (this.busy || !this.#checked('authorize')) return;
    this.busy = true;
    const answer = await this.#attempt.submit(checkInBody(this.flow.draft, this.self?.authorizationVersion));
    if (this.flow.step !== 'authorize') return; // wiped meanwhile
    this.busy = false;
    this.formError = null;
    if (answer.kind === 'ok') {
      this.#attempt.abandon();
      this.result = answer.data;
      this.#thanksAtMs = Date.now();
      this.#move(checkedIn(this.flow));
    } else this.#refusal(answer);
  }
}
