import { expect } from 'chai';
import fc from 'fast-check';
import { describe, it } from '@roster/test-support/harness';
import { createRoster, Email, escapeFormula, type Roster, type User } from '@roster/core';
import { readTable } from '../src/import/index.js';

const EMAIL_PATTERN_TEST = (e: string): boolean => Email.safeParse(e).success && e === e.trim();
import { memoryBackend } from '@roster/adapters/memory';

const fresh = (): Roster => createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });

describe('export: formula injection', () => {
  it('escapes every cell starting with = + - @ tab CR LF, and nothing else', () => {
    for (const value of ['=1+1', '+27821234567', '-2', '@SUM(A1)', '\tx', '\rx', '\nx', "'=x"])
      expect(escapeFormula(value)).to.equal(`'${value}`);
    for (const value of ['Ann', "O'Neil", 'a=b', "'quoted", ''])
      expect(escapeFormula(value)).to.equal(value);
  });

  it('writes dangerous cells as text in the CSV and reads them back unchanged', async () => {
    const roster = fresh();
    const group = await roster.groups.create({ name: '@Admins' });
    await roster.users.create({
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'eve@example.com',
      phone: '+27821234567',
      notes: '-1+2',
      groupIds: [group.id],
    });
    const csv = await roster.export.csv().text();
    expect(
      csv.startsWith(
        '\uFEFFFull Name,Email,Phone,Role,Groups,Notes,External ID,Status,Created,Last Login\r\n',
      ),
    ).to.equal(true);
    const line = csv.split('\r\n')[1]!;
    expect(line).to.contain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(line).to.contain(",'+27821234567,");
    expect(line).to.contain(",'@Admins,'-1+2,");
    const again = fresh();
    await again.groups.create({ name: '@Admins' });
    const table = await again.import.readTable(csv);
    const plan = await again.import.plan(table, (await again.import.suggestMapping(table)).mapping);
    expect(plan.entries[0]!.values).to.deep.include({
      name: '=HYPERLINK("http://evil.example","click")',
      phone: '+27821234567',
      notes: '-1+2',
      groups: ['@Admins'],
    });
  });

  it('omits the BOM on request and streams one chunk per page', async () => {
    const roster = fresh();
    for (let i = 0; i < 5; i++)
      await roster.users.create({ name: `U${i}`, email: `u${i}@example.com` });
    const chunks: Uint8Array[] = [];
    for await (const chunk of roster.export.csv({}, { bom: false, pageSize: 2 }).chunks())
      chunks.push(chunk);
    expect(chunks).to.have.length(3);
    expect(new TextDecoder().decode(chunks[0]!).startsWith('Full Name,')).to.equal(true);
  });

  it('exports a selection of ids, and a filtered query', async () => {
    const roster = fresh();
    const a = await roster.users.create({ name: 'Ann', email: 'ann@example.com' });
    await roster.users.create({ name: 'Bo', email: 'bo@example.com', role: 'admin' });
    const selected = await roster.export.csv([a.id]).text();
    expect(selected.split('\r\n').filter(Boolean)).to.have.length(2);
    const admins = await roster.export.csv({ role: ['admin'] }).text();
    expect(admins).to.contain('Bo,bo@example.com').and.not.contain('Ann');
  });
});

const GROUPS = ['Sales', 'Ops', 'R&D', 'Field Team', '=Evil', '@home', '-minus', 'Zürich'];
const ROLES = ['owner', 'admin', 'member'];
/** Cell text; tab and line breaks only where the field is multi-line (notes). */
const text = (min: number, max: number, multiline = false) =>
  fc
    .string({
      unit: fc.constantFrom(
        ...(multiline ? 'aZé ,;"\'=+-@\n\r\tx1<&>' : 'aZé ,;"\'=+-@x1<&>').split(''),
        'ß',
        '😀',
      ),
      minLength: min,
      maxLength: max,
    })
    .map((s) => s.trim())
    .filter((s) => s.length >= min);

const userArb = fc.record({
  name: text(1, 30),
  // Addresses the model accepts (zod's email pattern is stricter than RFC 5322).
  email: fc.option(
    fc.emailAddress().filter((e) => EMAIL_PATTERN_TEST(e) && e.length < 60),
    { nil: null },
  ),
  mobile: fc.integer({ min: 0, max: 80_000 }),
  international: fc.boolean(),
  groups: fc.subarray(GROUPS),
  role: fc.constantFrom(...ROLES),
  notes: text(0, 40, true),
  externalId: fc.option(fc.constantFrom('=', '+', '-', '@', 'E'), { nil: null }),
});

type Spec = typeof userArb extends fc.Arbitrary<infer T> ? T : never;

async function seed(roster: Roster, specs: Spec[]): Promise<void> {
  const groupIds = new Map<string, string>();
  for (const name of GROUPS) groupIds.set(name, (await roster.groups.create({ name })).id);
  const seenEmail = new Set<string>();
  let n = 0;
  for (const spec of specs) {
    n++;
    const email = spec.email && !seenEmail.has(spec.email.toLowerCase()) ? spec.email : null;
    if (email) seenEmail.add(email.toLowerCase());
    // Unique per user: ZA mobiles (valid) or UK drama numbers (possible, not valid).
    const phone = spec.international
      ? `+447700900${String(n).padStart(3, '0')}`
      : `+2782${String(1_000_000 + spec.mobile * 100 + n)}`;
    await roster.users.create({
      name: spec.name,
      email,
      phone,
      role: spec.role,
      groupIds: spec.groups.map((g) => groupIds.get(g)!),
      notes: spec.notes,
      externalId: spec.externalId === null ? null : `${spec.externalId}${n}`,
    });
  }
}

interface Comparable {
  name: string;
  email: string | null;
  phone: string | null;
  role: string;
  groups: string[];
  notes: string;
  externalId: string | null;
}

async function snapshot(roster: Roster): Promise<Comparable[]> {
  const groups = new Map(
    (await roster.groups.list({ limit: 1000 })).items.map((g) => [g.id, g.name]),
  );
  const users: User[] = (await roster.users.list({ limit: 1000 })).items;
  return users
    .map((u) => ({
      name: u.name,
      email: u.email?.toLowerCase() ?? null,
      phone: u.phone,
      role: u.role,
      groups: u.groupIds.map((id) => groups.get(id)!).sort(),
      notes: u.notes.replace(/\r\n?/g, '\n'),
      externalId: u.externalId,
    }))
    .sort((a, b) => (a.phone! < b.phone! ? -1 : 1));
}

async function roundTrip(format: 'csv' | 'xlsx', specs: Spec[]): Promise<void> {
  const source = fresh();
  await seed(source, specs);
  const file = format === 'csv' ? source.export.csv() : source.export.xlsx();
  const target = fresh();
  const table = await readTable(format === 'csv' ? await file.text() : await file.blob());
  const { mapping } = await target.import.suggestMapping(table);
  const plan = await target.import.plan(table, mapping);
  expect(
    plan.counts.error,
    JSON.stringify(plan.entries.filter((e) => e.action === 'error')),
  ).to.equal(0);
  await target.import.commit(plan);
  expect(await snapshot(target)).to.deep.equal(await snapshot(source));
}

describe('export → import round trip (property)', () => {
  it('CSV gives back the same users', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(userArb, { minLength: 1, maxLength: 8 }), (specs) =>
        roundTrip('csv', specs),
      ),
      { numRuns: 40 },
    );
  });
  it('XLSX gives back the same users', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(userArb, { minLength: 1, maxLength: 8 }), (specs) =>
        roundTrip('xlsx', specs),
      ),
      { numRuns: 15 },
    );
  });
});
