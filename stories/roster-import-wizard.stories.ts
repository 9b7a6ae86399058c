import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import type { Roster } from '@roster/core';
import {
  advance,
  basicBackend,
  corpusFile,
  generatedCsv,
  slowBackend,
  wizardRoster,
  type CorpusFile,
} from './fixtures/import-wizard.js';

type Args = { locale: string; theme?: 'light' | 'dark'; defaultCountry: string };

const meta: Meta<Args> = {
  title: 'Elements/roster-import-wizard',
  component: 'roster-import-wizard',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    defaultCountry: { control: 'text' },
  },
  args: { locale: 'en', defaultCountry: 'ZA' },
};
export default meta;

type Story = StoryObj<Args>;

const wizard = (args: Args, roster: unknown) =>
  html`<roster-import-wizard
    .roster=${roster as Roster}
    locale=${args.locale}
    default-country=${args.defaultCountry}
    theme=${ifDefined(args.theme)}
  ></roster-import-wizard>`;

const element = (canvas: HTMLElement) =>
  canvas.querySelector('roster-import-wizard') as RosterImportWizardElement;

/** A story that opens on `step` with a corpus file (or a source made by `source`). */
function at(
  step: Parameters<typeof advance>[2],
  source: CorpusFile | (() => File | { text: string }),
  backend?: () => Parameters<typeof wizardRoster>[0],
): Story {
  return {
    loaders: [async () => ({ roster: await wizardRoster(backend?.()) })],
    render: (args, { loaded }) => wizard(args, loaded['roster']),
    play: async ({ canvasElement }) => {
      const file =
        typeof source === 'function'
          ? source()
          : source === 'paste-name-mobile-notes.txt'
            ? { text: await (await corpusFile(source)).text() }
            : await corpusFile(source);
      await advance(element(canvasElement), file, step);
    },
  };
}

/** Step 1: drop zone (also a button), paste tab and template download. */
export const Source: Story = {
  loaders: [async () => ({ roster: await wizardRoster() })],
  render: (args, { loaded }) => wizard(args, loaded['roster']),
};

/** Step 1 after a drop: detected encoding, delimiter and header row, and the preview. */
export const Preview: Story = at('source', 'utf8-bom.csv');

/** Step 2: the columns mapped with their confidence and samples; roles and groups matched. */
export const Mapping: Story = at('mapping', () => generatedCsv(200));

/** Step 3: every row with its status and issues; fix, filter, select, options. */
export const Review: Story = at('review', 'invalid-rows.csv');

/** Step 4: the progress bar while a slow backend stores 3,000 rows (cancel stops between batches). */
export const Importing: Story = {
  loaders: [async () => ({ roster: await wizardRoster({ backend: slowBackend(2000) }) })],
  render: (args, { loaded }) => wizard(args, loaded['roster']),
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await advance(el, generatedCsv(3000), 'review');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.footer .button.primary')?.click();
  },
};

/** Step 5: counts, the CSV report, "show the imported users" and undo. */
export const Result: Story = at('result', 'quoted.csv');

/** 100,000 generated rows in the windowed review table (read and checked in the worker). */
export const HundredThousandRows: Story = at('review', () => generatedCsv(100_000));

/** Rows the reader repaired (a stray quote, a cell too many) flagged with a warning on the row. */
export const ReadWarnings: Story = at(
  'review',
  () =>
    new File(
      [
        'Name,Email\nAnn Lee,ann@example.com\n"Jane "JD" Doe",jane@example.com\nBo Ng,bo@example.com,extra\n',
      ],
      'repaired.csv',
      { type: 'text/csv' },
    ),
);

/** A backend without invitations or restorable deletes: invites and undo are not offered. */
export const WithoutInvitations: Story = at('review', 'semicolon.csv', () => ({
  backend: basicBackend(),
}));

/** The review in German. */
export const German: Story = { ...at('review', 'invalid-rows.csv'), args: { locale: 'de' } };

/** Forced dark theme. */
export const Dark: Story = { ...at('review', 'invalid-rows.csv'), args: { theme: 'dark' } };

/** Corpus: Excel "CSV UTF-8" with a BOM and a multi-group cell. */
export const CorpusUtf8Bom: Story = at('review', 'utf8-bom.csv');
/** Corpus: legacy Windows-1252 CSV (the encoding shown and changeable). */
export const CorpusWindows1252: Story = at('source', 'windows-1252.csv');
/** Corpus: European `;` CSV mapped without help. */
export const CorpusSemicolon: Story = at('mapping', 'semicolon.csv');
/** Corpus: a pasted "name, mobile, notes" list (country ZA for the phones). */
export const CorpusPaste: Story = at('review', 'paste-name-mobile-notes.txt');
/** Corpus: quoted commas, quotes and a line break in a cell. */
export const CorpusQuoted: Story = at('review', 'quoted.csv');
/** Corpus: the rows admins really send (3 flagged with row and field). */
export const CorpusInvalidRows: Story = at('review', 'invalid-rows.csv');
/** Corpus: no header row (the toggle is off). */
export const CorpusNoHeader: Story = at('source', 'no-header.csv');
/** Corpus: a workbook whose users are on sheet `Users`. */
export const CorpusTwoSheets: Story = at('review', 'two-sheets.xlsx');
