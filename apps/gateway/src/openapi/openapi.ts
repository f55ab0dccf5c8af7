import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import type { RouteDef } from '../http/route';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(route: RouteDef) {
  const list: Array<Record<string, unknown>> = [];
  const add = (location: 'path' | 'query' | 'header', schema?: z.ZodType) => {
    if (!schema) return;
    const object = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: location,
        required: location === 'path' || (object.required ?? []).includes(name),
        schema: property,
        ...(property.description ? { description: property.description } : {}),
      });
    }
  };
  add('path', route.params);
  add('query', route.query);
  add('header', route.headers);
  return list;
}

/** The OpenAPI 3.1 document, generated from the route table and the zod contracts. */
export function buildOpenApiDocument(routes: Record<string, RouteDef>): OpenAPIObject {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(routes)) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : {}),
      'x-public': route.access === 'public',
      'x-access': route.access,
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema
              ? { content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } } }
              : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bandanh API',
      version: '0.1.0',
      description:
        'The grants and network workflow engine of the Human Rights Network. Errors are `{ code, message, details }`; routes marked `x-public` need no session.',
    },
    paths,
  } as OpenAPIObject;
}

/** Serves the document at /api/openapi.json and Swagger UI at /api/docs. */
export function setupOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Bandanh API',
  });
}
