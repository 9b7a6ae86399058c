/**
 * createRestHandler's CORS answers. Node only: browsers do not let a page set `Origin`
 * or `Access-Control-Request-Method` on a Request, so these requests can only be
 * built outside one.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { ORIGIN, setup } from './rest-support/handler-harness.js';

describe('createRestHandler: CORS', () => {
  it('answers preflights of allowed origins and marks their answers readable', async () => {
    const { handler, send } = setup({ cors: { origin: ['https://admin.example.com'] } });
    const preflight = await handler(
      new Request(`${ORIGIN}/users`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://admin.example.com',
          'Access-Control-Request-Method': 'PATCH',
        },
      }),
    );
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).to.contain('PATCH');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).to.contain('Idempotency-Key');
    const answer = await send('GET', '/users', {
      headers: { Origin: 'https://admin.example.com' },
    });
    expect(answer.headers.get('Access-Control-Allow-Origin')).to.equal('https://admin.example.com');
    expect(answer.headers.get('Access-Control-Expose-Headers')).to.contain('ETag');
    const stranger = await send('GET', '/users', { headers: { Origin: 'https://evil.example' } });
    expect(stranger.headers.get('Access-Control-Allow-Origin')).to.equal(null);
  });

  it('without cors, OPTIONS is just another request: it must be authorised', async () => {
    const { handler } = setup();
    const response = await handler(
      new Request(`${ORIGIN}/users`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://admin.example.com', 'Access-Control-Request-Method': 'GET' },
      }),
    );
    expect(response.status).to.equal(401);
  });
});
