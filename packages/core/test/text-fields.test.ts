import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { rejection } from '@roster/test-support/rejection';
import {
  createRoster,
  CreateGroupInput,
  CreateUserInput,
  FIELD_LIMITS,
  isRosterError,
  textProblem,
  type ValidationError,
} from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';

const roster = () => createRoster({ backend: memoryBackend() });

async function issuesOf(promise: Promise<unknown>): Promise<ValidationError['issues']> {
  const error = await rejection(promise);
  expect(isRosterError(error) && error.code).to.equal('validation');
  return (error as ValidationError).issues;
}

describe('text fields refuse control and bidi characters', () => {
  it('names the field, the character and where it is', () => {
    expect(textProblem('Ann\u0000Lee', 'name')).to.deep.equal({
      problem: 'control_character',
      char: 'U+0000',
      position: 4,
      message: 'name contains the control character U+0000 (position 4); remove it',
    });
    expect(textProblem('AAC \u202Eexe.live gnp.', 'name')?.problem).to.equal('bidi_control');
    for (const char of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(textProblem(`a${char}b`, 'name')?.problem, char).to.equal('bidi_control');
    expect(textProblem('a\tb', 'name')?.problem).to.equal('control_character');
    expect(textProblem('Zoë Müller-Łukasz 李', 'name')).to.equal(null);
    expect(textProblem('a\tb\r\nc\nd', 'notes', { multiline: true })).to.equal(null);
    expect(textProblem('a\u000Bb', 'notes', { multiline: true })?.problem).to.equal(
      'control_character',
    );
  });

  it('the facade refuses them before any I/O, with an issue on the field', async () => {
    const r = roster();
    const nul = await issuesOf(r.users.create({ name: 'Ann\u0000', email: 'a@example.com' }));
    expect(nul).to.deep.include({
      path: ['name'],
      message: 'name contains the control character U+0000 (position 4); remove it',
      code: 'control_character',
    });
    const bidi = await issuesOf(
      r.users.create({ name: 'AAC \u202Eexe.live gnp.', email: 'b@example.com' }),
    );
    expect(bidi.map((issue) => [issue.path, issue.code])).to.deep.equal([
      [['name'], 'bidi_control'],
    ]);
    const group = await issuesOf(r.groups.create({ name: 'Sales\u2066' }));
    expect(group[0]?.path).to.deep.equal(['name']);
    expect((await r.users.list()).total).to.equal(0);
  });

  it('notes keep tabs and line breaks', async () => {
    const user = await roster().users.create({
      name: 'Ann',
      email: 'ann@example.com',
      notes: 'first line\r\n\tsecond line\n',
    });
    expect(user.notes).to.equal('first line\r\n\tsecond line\n');
  });

  it('field limits are the schemas’ own', () => {
    expect(FIELD_LIMITS).to.deep.equal({
      name: 200,
      email: 254,
      notes: 10_000,
      externalId: 256,
      groupName: 200,
    });
    const long = CreateUserInput.safeParse({
      name: 'x'.repeat(FIELD_LIMITS.name + 1),
      email: 'a@b.co',
    });
    expect(long.error?.issues[0]?.message).to.equal('name is too long');
  });

  it('each field limit is the longest value its schema accepts', () => {
    const atLimit = (length: number, end = '') => 'x'.repeat(length - end.length) + end;
    const fields = [
      { field: 'name', value: (n: number) => ({ name: atLimit(n) }), message: 'name is too long' },
      {
        field: 'email',
        value: (n: number) => ({ email: atLimit(n, '@example.com') }),
        message: 'email is too long',
      },
      {
        field: 'notes',
        value: (n: number) => ({ notes: atLimit(n) }),
        message: 'notes are too long',
      },
      {
        field: 'externalId',
        value: (n: number) => ({ externalId: atLimit(n) }),
        message: 'external ID is too long',
      },
    ] as const;
    for (const { field, value, message } of fields) {
      const limit = FIELD_LIMITS[field];
      const base = { name: 'Ann', email: 'ann@example.com' };
      expect(CreateUserInput.safeParse({ ...base, ...value(limit) }).success, field).to.equal(true);
      const over = CreateUserInput.safeParse({ ...base, ...value(limit + 1) });
      expect(
        over.error?.issues.map((issue) => issue.message),
        field,
      ).to.deep.equal([message]);
    }
    const group = (length: number) => CreateGroupInput.safeParse({ name: atLimit(length) });
    expect(group(FIELD_LIMITS.groupName).success).to.equal(true);
    expect(group(FIELD_LIMITS.groupName + 1).error?.issues[0]?.message).to.equal(
      'group name is too long',
    );
  });
});
