import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { createTestApp, TestApp } from './app';
import { registeredRoutes } from './routes';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface ContractRow {
  operation: string;
  who: string;
  answers: string;
}

/** The rows of docs/API.md's tables: `| VERB | /path | who | answers | notes |`. */
function contractRows(): ContractRow[] {
  const row = /^\|\s*(GET|PUT|POST|DELETE|PATCH)\s*\|\s*`?([^|`\s]+)`?\s*\|([^|]*)\|([^|]*)\|/;
  return read('docs/API.md')
    .split('\n')
    .map((line) => row.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, verb, path, who, answers]) => ({
      operation: `${verb} ${path}`,
      // 'signed in' or a list of roles, written for people: compare it in the route table's form.
      who:
        who.trim() === 'signed in'
          ? 'any signed-in'
          : who
              .split(',')
              .map((r) => r.trim())
              .sort()
              .join(','),
      answers: answers.trim(),
    }));
}

function operations(doc: OpenAPIObject): [string, OperationObject][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m): [string, OperationObject] => [
      `${m.toUpperCase()} ${path}`,
      item[m]!,
    ]),
  );
}

describe('docs/ and the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(() => t.close());

  it('lists in docs/API.md exactly the operations OpenAPI has, with who may call them', () => {
    const rows = contractRows();
    const documented = rows.map((r) => r.operation).sort();
    expect(new Set(documented).size).toBe(documented.length);
    expect(documented).toEqual(
      operations(doc)
        .map(([op]) => op)
        .sort(),
    );

    const access = new Map(registeredRoutes(t.app).map((r) => [r.route, r.access]));
    for (const { operation, who } of rows) {
      expect({ operation, who }).toEqual({ operation, who: access.get(operation) });
    }
  });

  it('gives in docs/API.md the success status OpenAPI documents', () => {
    for (const { operation, answers } of contractRows()) {
      const [verb, path] = operation.split(' ');
      const op = doc.paths[path][verb.toLowerCase() as 'get'];
      const success = Object.keys(op?.responses ?? {}).filter((s) => s.startsWith('2'));
      expect({ operation, answers }).toEqual({ operation, answers: success.join(', ') });
    }
  });

  it('documents a success response for every operation, with a body schema unless 204', () => {
    for (const [operation, op] of operations(doc)) {
      const success = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
      expect({ operation, successes: success.length }).toEqual({ operation, successes: 1 });
      const [status, response] = success[0] as [string, ResponseObject];
      if (status === '204') continue;
      const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
      expect({ operation, schemas: schemas.length }).toEqual({ operation, schemas: 1 });
    }
  });

  it('has no response schema that is an empty object', () => {
    const empty = Object.entries(doc.components?.schemas ?? {})
      .filter(
        ([, s]) => 'type' in s && s.type === 'object' && !Object.keys(s.properties ?? {}).length,
      )
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });

  it('documents problem+json responses: 500 always, 401 and 403 by access, 400 for input', () => {
    const access = new Map(registeredRoutes(t.app).map((r) => [r.route, r.access]));
    const problem = { schema: { $ref: '#/components/schemas/Problem' } };
    for (const [operation, op] of operations(doc)) {
      const statuses = Object.keys(op.responses);
      const who = access.get(operation);
      const expected = ['500'];
      if (who !== 'public') expected.push('401');
      if (who !== 'public' && who !== 'any signed-in') expected.push('403');
      if (op.requestBody || op.parameters?.length) expected.push('400');
      if (operation.includes('{')) expected.push('404');
      expect({ operation, missing: expected.filter((s) => !statuses.includes(s)) }).toEqual({
        operation,
        missing: [],
      });
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        // Terminus answers an unhealthy check with its own report, which is the point of it.
        if (operation === 'GET /health' && status === '503') continue;
        const response = op.responses[status] as ResponseObject;
        expect({ operation, status, content: response.content }).toEqual({
          operation,
          status,
          content: { 'application/problem+json': problem },
        });
      }
    }
    expect(doc.components?.schemas?.Problem).toMatchObject({
      required: ['type', 'title', 'status'],
    });
  });

  it('declares Idempotency-Key on POST /v1/sessions once, as optional', () => {
    const headers = (doc.paths['/v1/sessions'].post?.parameters ?? []).filter(
      (p) => 'in' in p && p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
    );
    expect(headers).toEqual([expect.objectContaining({ required: false })]);
  });

  it('keeps its documents in the repository: nothing points outside it', () => {
    const files = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    expect(files).toEqual(
      expect.arrayContaining(['docs/API.md', 'docs/DESIGN.md', 'docs/STYLE.md']),
    );
    for (const file of files) {
      expect({ file, outside: read(file).includes('../shared') }).toEqual({
        file,
        outside: false,
      });
    }
    expect(read('README.md')).toMatch(/docs\/DESIGN\.md[\s\S]*docs\/API\.md/);
  });
});
