/**
 * <roster-import-wizard> lets its own import worker drop the table it read once the import
 * is finished (the worker keeps the latest table it read, about 40 MB at 100k rows, so
 * checking it again sends no rows): nothing validates that table after the result.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import {
  importAllValid,
  next,
  pasteList,
  reviewed,
  stepHeading,
} from './roster-import-wizard-support.js';

/** The operations the page posted to workers, in order. */
let posted: string[] = [];
const original = Worker.prototype.postMessage;

describe('<roster-import-wizard> and its worker', () => {
  beforeEach(() => {
    posted = [];
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      const message = args[0] as { op?: unknown } | null;
      if (typeof message?.op === 'string') posted.push(message.op);
      return (original as (...a: unknown[]) => void).apply(this, args);
    } as typeof Worker.prototype.postMessage;
  });
  afterEach(() => {
    Worker.prototype.postMessage = original;
  });

  it('lets the worker drop the table once the import is finished', async () => {
    const roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
    const wizard = await fixture<RosterImportWizardElement>(
      html`<roster-import-wizard .roster=${roster} locale="en"></roster-import-wizard>`,
    );
    await pasteList(
      wizard,
      'Name,Email\nAda Lovelace,ada@example.com\nAlan Turing,alan@example.com',
    );
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    await next(wizard);
    await reviewed(wizard);
    expect(posted, 'the list was read and checked in the worker').to.include.members([
      'read',
      'validateBegin',
    ]);
    expect(posted).not.to.include('release');

    await importAllValid(wizard);
    expect(posted.at(-1)).to.equal('release');
    expect((await roster.users.list({ limit: 10 })).total).to.equal(2);
  });
});
