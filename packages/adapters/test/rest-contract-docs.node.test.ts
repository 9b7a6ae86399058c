/**
 * docs/openapi.yaml and docs/rest-api.md describe exactly the endpoints the handler
 * serves, with the same operationIds (what `authorize` receives). Node only: reads files.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { userRoutes } from '../src/rest-server/routes/users.js';
import { groupRoutes } from '../src/rest-server/routes/groups.js';
import { accountRoutes } from '../src/rest-server/routes/account.js';
import { changeRoutes } from '../src/rest-server/routes/changes.js';
import { ChangeLog } from '../src/rest-server/change-log.js';

const docs = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url)), 'utf8');

/** `METHOD /path/{param} operationId` for every route the handler serves. */
function servedRoutes(): string[] {
  const routes = [
    ...changeRoutes({
      log: new ChangeLog(1),
      heartbeatMs: 1000,
      onClose: () => () => undefined,
      capabilities: () => ({}),
    }),
    ...userRoutes,
    ...groupRoutes,
    ...accountRoutes,
  ];
  return routes
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')} ${route.operation}`)
    .sort();
}

/** The same triples read from openapi.yaml (paths at 2 spaces, methods at 4, fields at 6). */
function documentedOperations(yaml: string): string[] {
  const found: string[] = [];
  let path = '';
  let method = '';
  let inPaths = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) inPaths = line.startsWith('paths:');
    if (!inPaths) continue;
    const pathMatch = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathMatch) path = pathMatch[1]!;
    const methodMatch = /^ {4}(get|post|patch|delete|put):\s*$/.exec(line);
    if (methodMatch) method = methodMatch[1]!.toUpperCase();
    const operation = /^ {6}operationId: (\w+)\s*$/.exec(line);
    if (operation) found.push(`${method} ${path} ${operation[1]}`);
  }
  return found.sort();
}

describe('REST contract documents', () => {
  it('openapi.yaml lists exactly the endpoints the handler serves, with their operationIds', () => {
    expect(documentedOperations(docs('openapi.yaml'))).to.deep.equal(servedRoutes());
  });

  it('openapi.yaml declares OpenAPI 3.1', () => {
    expect(docs('openapi.yaml')).to.match(/^openapi: 3\.1\.\d+$/m);
  });

  it('rest-api.md has a row for every endpoint, with its operationId', () => {
    const markdown = docs('rest-api.md');
    for (const served of servedRoutes()) {
      const [method, path, operation] = served.split(' ');
      const escaped = `${method} ${path}`.replace(/[{}/]/g, (char) => `\\${char}`);
      const row = new RegExp(`\\|\\s*\`${escaped}\`\\s*\\|\\s*\`${operation}\`\\s*\\|`);
      expect(markdown, served).to.match(row);
    }
  });
});
