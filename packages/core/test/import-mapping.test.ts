import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { createRoster, importTemplate } from '@roster/core';
import { readTable, suggestMapping } from '../src/import/index.js';
import { memoryBackend } from '@roster/adapters/memory';

describe('suggestMapping', () => {
  it('maps an Outlook contacts export and combines First/Middle/Last into the name', async () => {
    const csv =
      'First Name,Middle Name,Last Name,E-mail Address,Mobile Phone,Business Phone,Categories,Notes\n' +
      'Thandi,N.,Mokoena,thandi@example.com,082 555 0101,011 555 0100,Sales;Gauteng,VIP\n';
    const table = await readTable(csv);
    const { mapping, unmapped } = suggestMapping(table);
    expect(mapping.columns).to.deep.equal([
      'firstName',
      'middleName',
      'lastName',
      'email',
      'phone',
      null,
      'groups',
      'notes',
    ]);
    expect(unmapped).to.deep.equal([5]);
    const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
    const plan = await roster.import.plan(table, mapping);
    expect(plan.entries[0]!.values).to.deep.include({
      name: 'Thandi N. Mokoena',
      phone: '+27825550101',
      groups: ['Sales', 'Gauteng'],
    });
  });

  it('maps a Google Contacts export and drops its system groups', async () => {
    const csv =
      'Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value,Group Membership\n' +
      'Lee Park,Lee,Park,lee@example.com,+1 202 555 0147,* myContacts ::: Friends\n';
    const table = await readTable(csv);
    const { mapping } = suggestMapping(table);
    expect(mapping.columns).to.deep.equal([
      'name',
      'firstName',
      'lastName',
      'email',
      'phone',
      'groups',
    ]);
    const roster = createRoster({ backend: memoryBackend() });
    const plan = await roster.import.plan(table, mapping);
    expect(plan.entries[0]!.values).to.deep.include({ name: 'Lee Park', groups: ['Friends'] });
  });

  it('understands misspelt and decorated headers, with lower confidence', async () => {
    const table = await readTable(
      'Ful Name,Emial,Cell No.,Team,Staff Number\nAnn Lee,ann@example.com,0825550101,Ops,7\n',
    );
    const { columns } = suggestMapping(table);
    expect(columns.map((c) => c.field)).to.deep.equal([
      'name',
      'email',
      'phone',
      'groups',
      'externalId',
    ]);
    expect(columns[0]!.confidence).to.be.below(1).and.above(0.5);
  });

  it('maps a header-less file from its values', async () => {
    const table = await readTable(
      '+27 82 555 0101,ann@example.com,Ann Lee\n082 555 0102,bo@example.com,Bo Ng\n',
    );
    expect(table.detected.header).to.equal(false);
    const { columns } = suggestMapping(table);
    expect(columns.map((c) => [c.field, c.source])).to.deep.equal([
      ['phone', 'content'],
      ['email', 'content'],
      ['name', 'content'],
    ]);
  });

  it('lists a column it cannot place as unmapped, and the admin can override any choice', async () => {
    const table = await readTable('Name,Email,Start Date\nAnn,ann@example.com,2024-01-02\n');
    const suggestion = suggestMapping(table);
    expect(suggestion.unmapped).to.deep.equal([2]);
    const roster = createRoster({ backend: memoryBackend() });
    const plan = await roster.import.plan(table, { columns: ['name', 'email', 'notes'] });
    expect(plan.entries[0]!.values.notes).to.equal('2024-01-02');
  });

  it('the template maps itself completely and imports its example row', async () => {
    const table = await readTable(importTemplate());
    const { columns } = suggestMapping(table);
    expect(columns.every((c) => c.confidence === 1)).to.equal(true);
    const roster = createRoster({ backend: memoryBackend() });
    const plan = await roster.import.plan(table, suggestMapping(table).mapping);
    expect(plan.entries[0]!.action).to.equal('create');
    expect(plan.entries[0]!.values.phone).to.equal('+27821234567');
  });
});
