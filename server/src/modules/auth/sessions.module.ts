import { defineModule } from '../module.js';
import { SessionsService } from './sessions.service.js';

/**
 * Staff sessions (cookies, PIN sign-in, sign-outs): its own definition because users need it to
 * end a deactivated member's sessions, and sign-in (the auth module) needs users. No routes: the
 * auth module's routes use it.
 */
export const sessionsModule = defineModule({
  name: 'sessions',
  needs: [],
  gives: ['sessions'],
  create: ({ database, clock, config, writeStamp, events }) => ({
    gives: { sessions: new SessionsService(database, clock, config, writeStamp, events) },
  }),
});
