import {
  isCountryCode,
  normalizeGroupName,
  readFailureOf,
  type ColumnSuggestion,
  type CountryCode,
  type Delimiter,
  type Group,
  type ImportEngine,
  type ImportField,
  type ImportPlan,
  type ImportReport,
  type ImportReportRow,
  type PlanEntry,
  type ReadTableOptions,
  type RoleDefinition,
  type Table,
  type TableDetection,
  type TextEncodingName,
} from '@roster/core';
import { createImportWorkerClient, type ImportWorkerClient } from '@roster/core/import-worker';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RosterElement } from '../foundation/roster-element.js';
import { errorMessage } from '../foundation/error-message.js';
import { downloadText } from './download.js';
import { failureText, readFailureText } from './failure-messages.js';
import {
  RosterImportCompleteEvent,
  RosterImportShowUsersEvent,
  RosterImportStepEvent,
  RosterImportUndoEvent,
  type ImportWizardStep,
} from './events.js';
import { renderImportStep } from './import-step.js';
import { mappingComplete, renderMappingStep } from './mapping-step.js';
import { renderResultStep, type UndoState } from './result-step.js';
import {
  renderReviewActions,
  renderReviewStep,
  type ReviewFilter,
  type ReviewOptions,
  type ReviewStepProps,
} from './review-step.js';
import { describeIssues, type EditingRow } from './review-table.js';
import { formControlStyles } from '../styles/form-controls.js';
import { importWizardStyles } from './roster-import-wizard.styles.js';
import { renderSourceStep } from './source-step.js';
import {
  NOT_A_ROLE,
  deriveTable,
  distinctGroups,
  distinctRoles,
  matchRole,
  withEditedRow,
  type ValueMaps,
} from './values.js';
// Its texts, added to the foundation's translation table (German loads on first use).
import './messages.js';

/** The plan's entry for file row `row` (entries are in file order: a binary search). */
function entryOfRow(plan: ImportPlan, row: number): PlanEntry | undefined {
  const { entries } = plan;
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const found = entries[mid]!.row;
    if (found === row) return entries[mid];
    if (found < row) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

const STEPS: readonly ImportWizardStep[] = ['source', 'mapping', 'review', 'import', 'result'];

/** Where the rows came from: a file (re-read when a detected choice changes) or pasted text. */
type Source = { kind: 'file'; file: File } | { kind: 'paste'; text: string };

/** The account's roles and groups, for matching the file's values. */
interface Directory {
  roles: readonly RoleDefinition[];
  defaultRole: string;
  groups: ReadonlyMap<string, Group>;
}

/**
 * A wizard from a spreadsheet (CSV, TSV, XLSX) or a pasted list to users in the
 * directory: source (drop zone, paste, template), column and value mapping, review of
 * every row (a windowed table: 100,000 rows keep a constant DOM), import with progress
 * and cancel, and the result with a CSV report and undo. Reading, mapping and
 * validating run in the import worker (`@roster/core/import-worker`), so the page keeps
 * painting on big files.
 *
 * Going back keeps every earlier choice; the heading of each step takes the focus.
 * Invitations are offered only where the backend sends them (`invitations`), undo only
 * where deletes are restorable (`softDelete`).
 *
 * @summary Import users from a spreadsheet or a pasted list.
 *
 * @fires {RosterImportStepEvent} roster-import-step - A step is shown (`event.step`, `event.previous`).
 * @fires {RosterImportCompleteEvent} roster-import-complete - The import finished or was cancelled (`event.report`).
 * @fires {RosterImportShowUsersEvent} roster-import-show-users - The admin asked to see the imported users (`event.userIds`).
 * @fires {RosterImportUndoEvent} roster-import-undo - The users the import created were deleted again (`event.userIds`).
 *
 * @slot heading - Replaces the wizard's title ("Import users").
 *
 * @csspart steps - The list of steps at the top.
 * @csspart step - The current step's section.
 * @csspart drop-zone - The file drop zone (a button).
 * @csspart paste - The paste text area.
 * @csspart preview - The preview table of the first rows.
 * @csspart mapping - The column mapping table.
 * @csspart review-table - The scrolling review table of every row.
 * @csspart review-row - Each rendered row of the review table.
 * @csspart status - The status badge of each review row.
 * @csspart options - The import options.
 * @csspart progress - The progress bar and counts.
 * @csspart counts - The result counts.
 * @csspart footer - The bar with Back and the step's main action.
 *
 * @cssproperty --roster-font-family - Font of all text.
 * @cssproperty --roster-color-text - Main text colour.
 * @cssproperty --roster-color-muted - Secondary text colour.
 * @cssproperty --roster-color-background - Background of the whole element.
 * @cssproperty --roster-color-surface - Background of tables and the drop zone.
 * @cssproperty --roster-color-surface-alt - Background of headers and the dragged-over drop zone.
 * @cssproperty --roster-color-border - Lines and outlines.
 * @cssproperty --roster-color-accent - Primary buttons, focus ring, progress bar.
 * @cssproperty --roster-color-accent-text - Text on the accent colour.
 * @cssproperty --roster-color-danger - Errors and rows with errors.
 * @cssproperty --roster-radius - Corner radius.
 * @cssproperty --roster-space - Base spacing unit.
 * @cssproperty --roster-status-active - Colour of "new" and "update" row badges.
 * @cssproperty --roster-status-warning - Colour of "skip" row badges.
 *
 * @example
 * ```html
 * <roster-provider .roster=${roster}>
 *   <roster-import-wizard default-country="ZA"></roster-import-wizard>
 * </roster-provider>
 * ```
 */
export class RosterImportWizardElement extends RosterElement {
  static override styles = [...RosterElement.styles, formControlStyles, importWizardStyles];

  /**
   * Where reading and validating run. Default: a module worker the wizard starts on
   * first use and stops when it is removed from the page.
   */
  @property({ attribute: false })
  accessor engine: ImportEngine | undefined = undefined;

  /** Country for phone numbers written without a country code (ISO code, e.g. `ZA`); the admin can change it. */
  @property({ attribute: 'default-country' })
  accessor defaultCountry = '';

  @state() private accessor step: ImportWizardStep = 'source';
  @state() private accessor tab: 'file' | 'paste' = 'file';
  @state() private accessor pasteText = '';
  @state() private accessor dragging = false;
  @state() private accessor source: Source | null = null;
  @state() private accessor readOptions: ReadTableOptions = {};
  @state() private accessor table: Table | null = null;
  /** What the reader detected in the source before the admin changed any choice. */
  @state() private accessor detection: Pick<TableDetection, 'encoding' | 'delimiter'> | null = null;
  @state() private accessor reading = false;
  @state() private accessor error: string | null = null;
  @state() private accessor suggestions: readonly ColumnSuggestion[] = [];
  @state() private accessor columns: readonly (ImportField | null)[] = [];
  @state() private accessor country: string | null = null;
  @state() private accessor roleMap: ReadonlyMap<string, string> = new Map();
  @state() private accessor groupMap: ReadonlyMap<string, string> = new Map();
  @state() private accessor edits: ReadonlyMap<number, readonly string[]> = new Map();
  @state() private accessor plan: ImportPlan | null = null;
  @state() private accessor planTable: Table | null = null;
  @state() private accessor checking = false;
  @state() private accessor filter: ReviewFilter = 'all';
  @state() private accessor firstRow = 0;
  @state() private accessor selected: ReadonlySet<number> = new Set();
  @state() private accessor editing: EditingRow | null = null;
  @state() private accessor announcement = '';
  @state() private accessor options: ReviewOptions = {
    sendInvites: false,
    createGroups: true,
    existing: 'skip',
  };
  @state() private accessor progress = { done: 0, total: 0 };
  @state() private accessor cancelling = false;
  @state() private accessor report: ImportReport | null = null;
  @state() private accessor reinvited: readonly string[] = [];
  @state() private accessor undo: UndoState = { state: 'idle' };

  private ownWorker: ImportWorkerClient | undefined;
  private importAbort: AbortController | undefined;
  /** Bumped by every read and plan: a late answer to an older request is dropped. */
  private generation = 0;
  private focusHeading = false;

  /** The account's roles and groups (for the value mapping); reloaded when they change. */
  private readonly directory = this.rosterTask({
    args: () => [] as const,
    task: async ({ roster, signal }): Promise<Directory> => {
      const settings = await roster.settings.get({ signal });
      const groups = new Map<string, Group>();
      let cursor: string | undefined;
      do {
        const page = await roster.groups.list({ limit: 1000, cursor }, { signal });
        for (const group of page.items) groups.set(normalizeGroupName(group.name), group);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return { roles: settings.roles, defaultRole: settings.defaultRole, groups };
    },
  });

  constructor() {
    super();
    this.onRosterChange(['settings', 'groups'], () => void this.directory.run());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dispatchEvent(new RosterImportStepEvent(this.step, null));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.importAbort?.abort();
    this.ownWorker?.terminate();
    this.ownWorker = undefined;
  }

  /** The step shown. */
  get currentStep(): ImportWizardStep {
    return this.step;
  }

  private get importEngine(): ImportEngine {
    if (this.engine) return this.engine;
    this.ownWorker ??= createImportWorkerClient();
    return this.ownWorker;
  }

  private get countryInForce(): CountryCode | undefined {
    const code = (this.country ?? this.defaultCountry).toUpperCase();
    return isCountryCode(code) ? code : undefined;
  }

  private goTo(step: ImportWizardStep): void {
    if (step === this.step) return;
    const previous = this.step;
    this.step = step;
    this.focusHeading = true;
    this.announcement = '';
    this.dispatchEvent(new RosterImportStepEvent(step, previous));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
    }
  }

  // ── Source ─────────────────────────────────────────────────────────────────────────

  private async read(source: Source, options: ReadTableOptions): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    const generation = ++this.generation;
    this.source = source;
    this.readOptions = options;
    this.reading = true;
    this.error = null;
    try {
      const engine = this.importEngine;
      const table =
        source.kind === 'file'
          ? await roster.import.readTable(source.file, {
              ...options,
              fileName: source.file.name,
              engine,
            })
          : await roster.import.readTable(source.text, { ...options, engine });
      const suggestion = await roster.import.suggestMapping(table);
      if (generation !== this.generation) return;
      const sameColumns =
        this.table !== null &&
        this.table.headers.length === table.headers.length &&
        this.table.headers.every((header, i) => header === table.headers[i]);
      // Back keeps choices: a re-read with the same columns keeps the admin's mapping.
      if (!sameColumns) {
        this.columns = suggestion.mapping.columns;
        this.roleMap = new Map();
        this.groupMap = new Map();
      }
      this.suggestions = suggestion.columns;
      this.table = table;
      // A re-read with a forced choice keeps what the first read detected.
      if (options.encoding === undefined && options.delimiter === undefined)
        this.detection = { encoding: table.detected.encoding, delimiter: table.detected.delimiter };
      this.edits = new Map();
      this.plan = null;
      this.selected = new Set();
    } catch (error) {
      if (generation !== this.generation) return;
      this.table = null;
      const failure = readFailureOf(error);
      const t = this.t.importWizard;
      this.error = t.readFailed(
        failure ? readFailureText(failure, t.readFailureTexts) : errorMessage(error, this.t),
      );
    } finally {
      if (generation === this.generation) this.reading = false;
    }
  }

  private onFiles(files: FileList | null): void {
    const file = files?.[0];
    if (file) void this.read({ kind: 'file', file }, {});
  }

  private reread(change: Partial<ReadTableOptions>): void {
    if (this.source) void this.read(this.source, { ...this.readOptions, ...change });
  }

  private onDownloadTemplate(): void {
    if (this.roster) downloadText(this.roster.import.template(), 'roster-import-template.csv');
  }

  // ── Mapping ────────────────────────────────────────────────────────────────────────

  private onField(column: number, field: ImportField | null): void {
    // Each field feeds from one column: choosing it elsewhere frees the other column.
    this.columns = this.columns.map((current, i) =>
      i === column ? field : current === field ? null : current,
    );
  }

  private roleValues() {
    const column = this.columns.indexOf('role');
    return this.table && column >= 0 ? distinctRoles(this.table, column) : [];
  }

  private groupValues() {
    const column = this.columns.indexOf('groups');
    return this.table && column >= 0 ? distinctGroups(this.table, column) : [];
  }

  /** Role values matched automatically, then the admin's choices on top. */
  private valueMaps(): ValueMaps {
    const roles = new Map<string, string>();
    const directory = this.directory.value;
    if (directory)
      for (const value of this.roleValues()) {
        const match = matchRole(value.value, directory.roles);
        if (match !== null) roles.set(value.key, match);
      }
    for (const [key, id] of this.roleMap) {
      if (id === NOT_A_ROLE) roles.delete(key);
      else roles.set(key, id);
    }
    return { roles, groups: this.groupMap };
  }

  private onRole(key: string, roleId: string | null): void {
    const next = new Map(this.roleMap);
    next.set(key, roleId ?? NOT_A_ROLE);
    this.roleMap = next;
  }

  private onGroup(key: string, name: string): void {
    const next = new Map(this.groupMap);
    next.set(key, name);
    this.groupMap = next;
  }

  // ── Review ─────────────────────────────────────────────────────────────────────────

  private async replan(): Promise<ImportPlan | null> {
    const roster = this.roster;
    if (!roster || !this.table) return null;
    const generation = ++this.generation;
    this.checking = true;
    this.error = null;
    const table = deriveTable(this.table, this.columns, this.edits, this.valueMaps());
    try {
      const country = this.countryInForce;
      const plan = await roster.import.plan(
        table,
        { columns: [...this.columns] },
        {
          existing: this.options.existing === 'update' ? 'update' : 'skip',
          unknownGroups: this.options.createGroups ? 'create' : 'flag',
          engine: this.importEngine,
          ...(country ? { defaultCountry: country } : {}),
        },
      );
      if (generation !== this.generation) return null;
      this.usePlan(plan, table);
      return plan;
    } catch (error) {
      if (generation === this.generation) this.error = errorMessage(error, this.t);
      return null;
    } finally {
      if (generation === this.generation) this.checking = false;
    }
  }

  /** Shows `plan` (checked from `table`); rows that turned invalid leave the selection. */
  private usePlan(plan: ImportPlan, table: Table): void {
    this.plan = plan;
    this.planTable = table;
    if (this.selected.size === 0) return;
    const kept = new Set<number>();
    for (const row of this.selected) {
      const action = entryOfRow(plan, row)?.action;
      if (action === 'create' || action === 'update') kept.add(row);
    }
    this.selected = kept;
  }

  private toReview(): void {
    this.goTo('review');
    this.firstRow = 0;
    void this.replan();
  }

  /** Indexes of the plan's rows with an error and with a warning: found once per plan. */
  private rowsByIssue: { plan: ImportPlan; errors: number[]; warnings: number[] } | null = null;

  private issueRows(plan: ImportPlan): { errors: number[]; warnings: number[] } {
    if (this.rowsByIssue?.plan !== plan) {
      const errors: number[] = [];
      const warnings: number[] = [];
      plan.entries.forEach((entry, index) => {
        if (entry.action === 'error') errors.push(index);
        if (entry.issues.some((issue) => issue.severity === 'warning')) warnings.push(index);
      });
      this.rowsByIssue = { plan, errors, warnings };
    }
    return this.rowsByIssue;
  }

  /** Indexes of the rows the review lists, or `null` for all of them. */
  private visibleRows(): number[] | null {
    if (this.filter === 'all' || !this.plan) return null;
    const rows = this.issueRows(this.plan);
    return this.filter === 'errors' ? rows.errors : rows.warnings;
  }

  private onSelect(row: number, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(row);
    else next.delete(row);
    this.selected = next;
  }

  private onSelectAll(on: boolean): void {
    const next = new Set<number>();
    if (on && this.plan)
      for (const entry of this.plan.entries)
        if (entry.action === 'create' || entry.action === 'update') next.add(entry.row);
    this.selected = next;
  }

  private onEdit(index: number): void {
    const row = this.edits.get(index) ?? this.table?.rows[index];
    if (!row) return;
    this.editing = { index, cells: [...row] };
    void this.updateComplete.then(() => {
      const entry = this.plan?.entries[index];
      const field = entry?.issues.find((issue) => issue.severity === 'error')?.field;
      const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>('.editor input');
      const target = [...inputs].find((input) => input.dataset['field'] === field) ?? inputs[0];
      target?.focus();
    });
  }

  private onEditCell(column: number, value: string): void {
    if (!this.editing) return;
    const cells = [...this.editing.cells];
    cells[column] = value;
    this.editing = { ...this.editing, cells };
  }

  private async onSave(): Promise<void> {
    const editing = this.editing;
    if (!editing) return;
    const edits = new Map(this.edits);
    edits.set(editing.index, editing.cells);
    this.edits = edits;
    this.editing = null;
    const plan = await this.recheck(editing);
    const entry = plan?.entries[editing.index];
    if (!entry) return;
    const t = this.t.importWizard;
    this.announcement =
      entry.action === 'error'
        ? t.rowStillInvalid(entry.row, describeIssues(entry.issues, t))
        : t.rowFixed(entry.row);
    // The fix button of the row (or the table) keeps the focus, not the page.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.viewport')?.focus();
  }

  /**
   * Checks a fixed row again: the row and the rows sharing a key with it, through the
   * engine's stages (`roster.import.recheck`), not the whole file. While a full check is
   * still running (or none was made) the whole table is checked, the fix included.
   */
  private async recheck(editing: EditingRow): Promise<ImportPlan | null> {
    const roster = this.roster;
    const { plan, planTable } = this;
    if (!roster || !plan || !planTable || this.checking) return this.replan();
    const generation = ++this.generation;
    this.checking = true;
    this.error = null;
    const table = withEditedRow(
      planTable,
      editing.index,
      editing.cells,
      this.columns,
      this.valueMaps(),
    );
    try {
      const next = await roster.import.recheck(
        plan,
        table,
        { columns: [...this.columns] },
        [plan.entries[editing.index]!.row],
        { engine: this.importEngine },
      );
      if (generation !== this.generation) return null;
      this.usePlan(next, table);
      return next;
    } catch (error) {
      if (generation === this.generation) this.error = errorMessage(error, this.t);
      return null;
    } finally {
      if (generation === this.generation) this.checking = false;
    }
  }

  private onCancelEdit(): void {
    this.editing = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.viewport')?.focus(),
    );
  }

  private onOptions(change: Partial<ReviewOptions>): void {
    const before = this.options;
    this.options = { ...before, ...change };
    const replans =
      (change.existing !== undefined &&
        (change.existing === 'update') !== (before.existing === 'update')) ||
      (change.createGroups !== undefined && change.createGroups !== before.createGroups);
    if (replans) void this.replan();
  }

  // ── Import ─────────────────────────────────────────────────────────────────────────

  private async runImport(selectedOnly: boolean): Promise<void> {
    const roster = this.roster;
    const plan = this.plan;
    if (!roster || !plan) return;
    const abort = new AbortController();
    this.importAbort = abort;
    const total = selectedOnly ? this.selected.size : plan.counts.create + plan.counts.update;
    this.progress = { done: 0, total };
    this.cancelling = false;
    this.undo = { state: 'idle' };
    this.reinvited = [];
    this.goTo('import');
    let report: ImportReport;
    try {
      report = await roster.import.commit(plan, {
        ...(selectedOnly ? { selection: [...this.selected] } : {}),
        sendInvites: this.options.sendInvites && this.can('invitations'),
        createMissingGroups: this.options.createGroups,
        signal: abort.signal,
        onProgress: (progress) => {
          this.progress = progress;
        },
      });
    } catch (error) {
      this.error = errorMessage(error, this.t);
      this.goTo('review');
      return;
    } finally {
      this.importAbort = undefined;
    }
    if (this.options.existing === 'reinvite' && !report.aborted && this.can('invitations'))
      this.reinvited = await this.reinvite(report);
    this.report = report;
    this.goTo('result');
    this.releaseTable();
    this.dispatchEvent(new RosterImportCompleteEvent(report, this.reinvited));
  }

  /**
   * Lets the wizard's own worker drop its copy of the table (about 40 MB at 100k rows):
   * from the result on, nothing validates it again. Only a performance matter: a table the
   * worker no longer holds is sent whole if it ever is validated.
   */
  private releaseTable(): void {
    if (this.table) this.ownWorker?.release(this.table);
  }

  /** Sends the invitation again to skipped existing users who never signed in. */
  private async reinvite(report: ImportReport): Promise<string[]> {
    const roster = this.roster;
    if (!roster) return [];
    const ids = report.rows
      .filter((row) => row.status === 'skipped' && row.userId !== null)
      .map((row) => row.userId!);
    if (ids.length === 0) return [];
    const candidates: string[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const users = await Promise.all(ids.slice(i, i + 100).map((id) => roster.users.get(id)));
      for (const user of users)
        if (user && user.status === 'invited' && user.lastLoginAt === null)
          candidates.push(user.id);
    }
    if (candidates.length === 0) return [];
    try {
      const result = await roster.users.resendInvite(candidates);
      return result.succeeded;
    } catch (error) {
      this.error = errorMessage(error, this.t);
      return [];
    }
  }

  /**
   * Why a report row failed, for the result step, in the admin's language: a row the
   * plan refused by its issues; a write the backend refused by the row's failure code.
   */
  private failureText(row: ImportReportRow, index: number): string {
    const t = this.t.importWizard;
    // The report has one row per plan entry, in the plan's order.
    const entry = this.plan?.entries[index];
    if (entry?.row !== row.row || entry.action !== 'error')
      return failureText(row, t.failureTexts, t.fields);
    return describeIssues(
      entry.issues.filter((issue) => issue.severity === 'error'),
      t,
    );
  }

  private onCancelImport(): void {
    this.cancelling = true;
    this.importAbort?.abort();
  }

  // ── Result ─────────────────────────────────────────────────────────────────────────

  private createdIds(): string[] {
    return (this.report?.rows ?? [])
      .filter((row) => row.status === 'created' && row.userId !== null)
      .map((row) => row.userId!);
  }

  private onDownloadReport(): void {
    if (this.roster && this.report)
      downloadText(this.roster.import.reportToCsv(this.report), 'roster-import-report.csv');
  }

  private onShowUsers(): void {
    const ids = (this.report?.rows ?? [])
      .filter(
        (row) => (row.status === 'created' || row.status === 'updated') && row.userId !== null,
      )
      .map((row) => row.userId!);
    this.dispatchEvent(new RosterImportShowUsersEvent(ids));
  }

  private async onUndo(): Promise<void> {
    const roster = this.roster;
    if (!roster) return;
    const ids = this.createdIds();
    this.undo = { state: 'running' };
    try {
      const result = await roster.users.delete(ids);
      this.undo = { state: 'done', deleted: result.succeeded.length };
      if (result.failed.length > 0)
        this.error = result.failed.map((failure) => failure.message).join('; ');
      this.dispatchEvent(new RosterImportUndoEvent(result.succeeded));
    } catch (error) {
      this.undo = { state: 'failed', reason: errorMessage(error, this.t) };
    }
  }

  /** Starts over with an empty source step (the options chosen stay). */
  restart(): void {
    this.releaseTable();
    this.generation++;
    this.source = null;
    this.table = null;
    this.detection = null;
    this.plan = null;
    this.planTable = null;
    this.report = null;
    this.edits = new Map();
    this.selected = new Set();
    this.columns = [];
    this.pasteText = '';
    this.readOptions = {};
    this.error = null;
    this.goTo('source');
  }

  // ── Rendering ──────────────────────────────────────────────────────────────────────

  override render() {
    const t = this.t.importWizard;
    const index = STEPS.indexOf(this.step);
    return html`
      <header class="header">
        <h2 class="title"><slot name="heading">${t.title}</slot></h2>
        <ol class="steps" part="steps">
          ${STEPS.map(
            (step, i) =>
              html`<li
                class=${i < index ? 'done' : i === index ? 'current' : ''}
                aria-current=${i === index ? 'step' : 'false'}
              >
                ${t.steps[step]}
              </li>`,
          )}
        </ol>
      </header>
      <section class="step" part="step" aria-labelledby="step-heading">
        <h3 id="step-heading" tabindex="-1">
          <span class="muted step-of">${t.stepOf(index + 1, STEPS.length)}</span>
          ${this.heading()}
        </h3>
        ${this.error ? html`<p class="state error" role="alert">${this.error}</p>` : nothing}
        ${this.renderStep()}
      </section>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderFooter()}
    `;
  }

  private heading(): string {
    const t = this.t.importWizard;
    switch (this.step) {
      case 'source':
        return t.sourceHeading;
      case 'mapping':
        return t.mappingHeading;
      case 'review':
        return t.reviewHeading;
      case 'import':
        return t.importHeading;
      case 'result':
        return t.resultHeading;
    }
  }

  private renderStep() {
    const t = this.t.importWizard;
    switch (this.step) {
      case 'source':
        return renderSourceStep({
          t,
          tab: this.tab,
          pasteText: this.pasteText,
          sourceName: this.source
            ? this.source.kind === 'file'
              ? this.source.file.name
              : t.pastedText
            : null,
          table: this.table,
          detection: this.detection,
          reading: this.reading,
          dragging: this.dragging,
          onTab: (tab, focus) => {
            this.tab = tab;
            if (focus)
              void this.updateComplete.then(() =>
                this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus(),
              );
          },
          onFiles: (files) => this.onFiles(files),
          onDragging: (dragging) => (this.dragging = dragging),
          onPasteInput: (text) => (this.pasteText = text),
          onReadPasted: () => void this.read({ kind: 'paste', text: this.pasteText }, {}),
          onDownloadTemplate: () => this.onDownloadTemplate(),
          onSheet: (sheet) => this.reread({ sheet }),
          onHeader: (header) => this.reread({ header }),
          onEncoding: (encoding: TextEncodingName) => this.reread({ encoding }),
          onDelimiter: (delimiter: Delimiter) => this.reread({ delimiter }),
        });
      case 'mapping':
        if (!this.table) return nothing;
        return renderMappingStep({
          t,
          locale: this.localeTag,
          table: this.table,
          suggestions: this.suggestions,
          columns: this.columns,
          defaultCountry: (this.country ?? this.defaultCountry).toUpperCase(),
          directory: this.directory.value ?? null,
          roleValues: this.roleValues(),
          groupValues: this.groupValues(),
          maps: this.valueMaps(),
          onField: (column, field) => this.onField(column, field),
          onDefaultCountry: (country) => (this.country = country),
          onRole: (key, id) => this.onRole(key, id),
          onGroup: (key, name) => this.onGroup(key, name),
        });
      case 'review':
        return renderReviewStep(this.reviewProps());
      case 'import':
        return renderImportStep({
          t,
          done: this.progress.done,
          total: this.progress.total,
          cancelling: this.cancelling,
          onCancel: () => this.onCancelImport(),
        });
      case 'result':
        if (!this.report) return nothing;
        return renderResultStep({
          t,
          locale: this.localeTag,
          report: this.report,
          reinvited: this.reinvited.length,
          canUndo: this.can('softDelete'),
          undo: this.undo,
          failureText: (row, index) => this.failureText(row, index),
          onDownload: () => this.onDownloadReport(),
          onShowUsers: () => this.onShowUsers(),
          onUndo: () => void this.onUndo(),
          onRestart: () => this.restart(),
        });
    }
  }

  private reviewProps(): ReviewStepProps {
    return {
      t: this.t.importWizard,
      plan: this.plan,
      table: this.planTable ?? this.table!,
      columns: this.columns,
      visible: this.visibleRows(),
      first: this.firstRow,
      selected: this.selected,
      editing: this.editing,
      checking: this.checking,
      filter: this.filter,
      errorRows: this.plan ? this.issueRows(this.plan).errors.length : 0,
      warningRows: this.plan ? this.issueRows(this.plan).warnings.length : 0,
      options: this.options,
      canInvite: this.can('invitations'),
      onScroll: (first) => (this.firstRow = first),
      onSelect: (row, on) => this.onSelect(row, on),
      onSelectAll: (on) => this.onSelectAll(on),
      onEdit: (index) => this.onEdit(index),
      onEditCell: (column, value) => this.onEditCell(column, value),
      onSave: () => void this.onSave(),
      onCancelEdit: () => this.onCancelEdit(),
      onFilter: (filter) => {
        this.filter = filter;
        this.firstRow = 0;
        const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
        if (viewport) viewport.scrollTop = 0;
      },
      onOptions: (change) => this.onOptions(change),
      onImport: (selectedOnly) => void this.runImport(selectedOnly),
    };
  }

  private renderFooter() {
    const t = this.t.importWizard;
    switch (this.step) {
      case 'source':
        return html`<footer class="footer" part="footer">
          <button
            type="button"
            class="button primary"
            ?disabled=${!this.table || this.reading || this.table.rows.length === 0}
            @click=${() => this.goTo('mapping')}
          >
            ${t.next}
          </button>
        </footer>`;
      case 'mapping': {
        const complete = mappingComplete(this.columns);
        return html`<footer class="footer" part="footer">
          <button type="button" class="button" @click=${() => this.goTo('source')}>
            ${t.back}
          </button>
          ${complete ? nothing : html`<span class="muted" id="mapping-incomplete">${t.mappingIncomplete}</span>`}
          <button
            type="button"
            class="button primary"
            ?disabled=${!complete}
            aria-describedby=${complete ? nothing : 'mapping-incomplete'}
            @click=${() => this.toReview()}
          >
            ${t.next}
          </button>
        </footer>`;
      }
      case 'review':
        return html`<footer class="footer" part="footer">
          <button type="button" class="button" @click=${() => this.goTo('mapping')}>
            ${t.back}
          </button>
          ${renderReviewActions(this.reviewProps())}
        </footer>`;
      default:
        return nothing;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-import-wizard': RosterImportWizardElement;
  }
}
