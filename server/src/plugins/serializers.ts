import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance } from 'fastify';

type Serializer = (data: unknown) => string;

/** Fastify's own response serializer compiler (fast-json-stringify), with no shared schemas. */
const compileSerializer = SerializerSelector()(undefined, {});

/**
 * Compiled response serializers by schema object, shared by every app built in this process.
 * Fastify compiles one per route and status when an app gets ready (about half of the 330 ms an
 * app takes to get ready); the route schemas are module constants, so every app after the first
 * (each integration test builds one) reuses them. The server itself builds one app: no change there.
 */
const compiled = new WeakMap<object, Serializer>();

export function installSerializers(app: FastifyInstance): void {
  app.setSerializerCompiler((route) => {
    const schema = route.schema as object;
    let serializer = compiled.get(schema);
    if (serializer === undefined) {
      // The compiler reads only the schema (method, url and status are there for custom compilers).
      serializer = compileSerializer({ ...route, httpStatus: route.httpStatus ?? '' }) as Serializer;
      compiled.set(schema, serializer);
    }
    return serializer;
  });
}
