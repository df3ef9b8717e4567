import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './authentication.js';

/**
 * The OpenAPI document is generated from the route schemas (GET /api/openapi.json) and browsable at
 * /api/docs. Must be registered before the routes it describes.
 */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ASE shop server API',
        version,
        description:
          'Every error is RFC 9457 application/problem+json. Staff sign in with POST /api/auth/login; ' +
          'the session is an httpOnly cookie.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          displayToken: { type: 'http', scheme: 'bearer', description: 'A bay TV display token (dt_...)' },
          kioskToken: { type: 'http', scheme: 'bearer', description: 'A check-in kiosk token (kk_...)' },
        },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
