import {
  IMPORT_FIELDS,
  type ColumnSuggestion,
  type Group,
  type ImportField,
  type RoleDefinition,
  type Table,
} from '@roster/core';
import { html, nothing } from 'lit';
import { userText } from '../foundation/user-text.js';
import type { ImportWizardMessages } from './messages.js';
import { NOT_A_ROLE, type DistinctValue, type ValueMaps } from './values.js';

/** Countries offered for phone numbers without a country code (any code can be set by property). */
const COUNTRIES = [
  'ZA',
  'DE',
  'AT',
  'CH',
  'GB',
  'IE',
  'US',
  'CA',
  'FR',
  'NL',
  'BE',
  'SE',
  'NO',
  'DK',
  'ES',
  'IT',
  'PL',
  'AU',
  'NZ',
  'IN',
  'KE',
  'NG',
];

/** What the mapping step shows and reports back. */
export interface MappingStepProps {
  t: ImportWizardMessages;
  locale: string | undefined;
  table: Table;
  suggestions: readonly ColumnSuggestion[];
  columns: readonly (ImportField | null)[];
  defaultCountry: string;
  /** The account's roles and groups (null while they load). */
  directory: {
    roles: readonly RoleDefinition[];
    defaultRole: string;
    groups: ReadonlyMap<string, Group>;
  } | null;
  roleValues: readonly DistinctValue[];
  groupValues: readonly DistinctValue[];
  maps: ValueMaps;
  onField(column: number, field: ImportField | null): void;
  onDefaultCountry(country: string): void;
  onRole(key: string, roleId: string | null): void;
  onGroup(key: string, name: string): void;
}

/** Whether the mapping feeds a name and a way to reach the person. */
export function mappingComplete(columns: readonly (ImportField | null)[]): boolean {
  return hasName(columns) && hasContact(columns);
}

const hasName = (c: readonly (ImportField | null)[]) =>
  c.includes('name') || c.includes('firstName') || c.includes('lastName');
const hasContact = (c: readonly (ImportField | null)[]) =>
  c.includes('email') || c.includes('phone');

/**
 * Step 2: one field choice per column with its sample values and how sure the
 * suggestion was; the required fields and whether they are mapped; the country for
 * national phone numbers; the role and group values of the file matched to the account.
 */
export function renderMappingStep(p: MappingStepProps) {
  const { t } = p;
  const splitName = p.columns.some(
    (f) => f === 'firstName' || f === 'middleName' || f === 'lastName',
  );
  return html`
    <p>${t.mappingIntro}</p>
    <ul class="requirements" aria-label=${t.required}>
      ${requirement(t, t.requiredName, hasName(p.columns))}
      ${requirement(t, t.requiredContact, hasContact(p.columns))}
    </ul>
    ${splitName ? html`<p class="muted">${t.nameCombined}</p>` : nothing}
    <div class="scroll" tabindex="0" role="region" aria-labelledby="mapping-caption">
      <table class="mapping" part="mapping">
        <caption id="mapping-caption" class="visually-hidden">
          ${t.mappingHeading}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.column}</th>
            <th scope="col">${t.samples}</th>
            <th scope="col">${t.field}</th>
            <th scope="col">${t.confidence}</th>
          </tr>
        </thead>
        <tbody>
          ${p.table.headers.map((header, index) => renderColumn(p, header, index))}
        </tbody>
      </table>
    </div>
    ${p.columns.includes('phone') ? renderCountry(p) : nothing}
    ${p.columns.includes('role') && p.roleValues.length > 0 ? renderRoles(p) : nothing}
    ${p.columns.includes('groups') && p.groupValues.length > 0 ? renderGroups(p) : nothing}
  `;
}

function requirement(t: ImportWizardMessages, label: string, met: boolean) {
  return html`<li class=${met ? 'met' : 'missing'}>
    <span aria-hidden="true">${met ? '✓' : '✗'}</span> ${label} (${t.required}):
    <strong>${met ? t.requirementMet : t.requirementMissing}</strong>
  </li>`;
}

function renderColumn(p: MappingStepProps, header: string, index: number) {
  const { t } = p;
  const suggestion = p.suggestions[index];
  const field = p.columns[index] ?? null;
  const samples = suggestion?.samples ?? p.table.rows.slice(0, 3).map((row) => row[index] ?? '');
  const id = `field-${index}`;
  let match: string = t.notRecognised;
  if (suggestion && suggestion.field !== null && suggestion.field === field) {
    const percent = Math.round(suggestion.confidence * 100);
    match = suggestion.source === 'header' ? t.byHeader(percent) : t.byContent(percent);
  } else if (field !== null) match = '';
  return html`<tr>
    <th scope="row" id="column-${index}">${userText(header)}</th>
    <td class="samples">
      ${samples.filter(Boolean).map((sample) => html`<span class="sample">${userText(sample)}</span>`)}
    </td>
    <td>
      <select
        id=${id}
        aria-label=${t.fieldFor(header)}
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          p.onField(index, value === '' ? null : (value as ImportField));
        }}
      >
        <option value="" ?selected=${field === null}>${t.ignore}</option>
        ${IMPORT_FIELDS.map(
          (option) =>
            html`<option value=${option} ?selected=${option === field}>
              ${t.fields[option]}${option === 'name' || option === 'email' || option === 'phone' ? ` (${t.required})` : ''}
            </option>`,
        )}
      </select>
    </td>
    <td class="muted">${match}</td>
  </tr>`;
}

function renderCountry(p: MappingStepProps) {
  const { t } = p;
  const names = new Intl.DisplayNames(p.locale ? [p.locale] : undefined, { type: 'region' });
  const codes =
    COUNTRIES.includes(p.defaultCountry) || p.defaultCountry === ''
      ? COUNTRIES
      : [p.defaultCountry, ...COUNTRIES];
  return html`<label class="field">
    <span>${t.defaultCountry}</span>
    <select
      aria-describedby="country-hint"
      @change=${(e: Event) => p.onDefaultCountry((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${p.defaultCountry === ''}>${t.defaultCountryNone}</option>
      ${codes.map(
        (code) =>
          html`<option value=${code} ?selected=${code === p.defaultCountry}>
            ${names.of(code) ?? code} (${code})
          </option>`,
      )}
    </select>
    <span id="country-hint" class="muted">${t.defaultCountryHint}</span>
  </label>`;
}

function renderRoles(p: MappingStepProps) {
  const { t, directory } = p;
  if (!directory) return nothing;
  const defaultName =
    directory.roles.find((r) => r.id === directory.defaultRole)?.name ?? directory.defaultRole;
  return html`<section class="values" aria-labelledby="roles-heading">
    <h4 id="roles-heading">${t.roleValues}</h4>
    <ul>
      ${p.roleValues.map((value) => {
        const chosen = p.maps.roles.get(value.key);
        return html`<li>
          <label class="field inline">
            <span
              >${userText(value.value)} <span class="muted">(${t.rowsWith(value.rows)})</span></span
            >
            <select
              aria-label=${t.roleFor(value.value)}
              @change=${(e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                p.onRole(value.key, v === NOT_A_ROLE ? null : v);
              }}
            >
              <option value=${NOT_A_ROLE} ?selected=${chosen === undefined}>
                ${t.unknownRole}
              </option>
              <option value="" ?selected=${chosen === ''}>${t.defaultRole(defaultName)}</option>
              ${directory.roles.map(
                (role) =>
                  html`<option value=${role.id} ?selected=${chosen === role.id}>
                    ${role.name}
                  </option>`,
              )}
            </select>
          </label>
        </li>`;
      })}
    </ul>
  </section>`;
}

function renderGroups(p: MappingStepProps) {
  const { t, directory } = p;
  if (!directory) return nothing;
  const existing = [...directory.groups.values()];
  const matchOf = (value: DistinctValue): Group | undefined => {
    const target = p.maps.groups.get(value.key);
    return target === undefined
      ? directory.groups.get(value.key)
      : existing.find((g) => g.name === target);
  };
  const fresh = p.groupValues.filter((value) => !matchOf(value));
  return html`<section class="values" aria-labelledby="groups-heading">
    <h4 id="groups-heading">${t.groupValues}</h4>
    <ul>
      ${p.groupValues.map((value) => {
        const match = matchOf(value);
        return html`<li>
          <label class="field inline">
            <span
              >${userText(value.value)} <span class="muted">(${t.rowsWith(value.rows)})</span></span
            >
            <select
              aria-label=${t.groupFor(value.value)}
              @change=${(e: Event) => p.onGroup(value.key, (e.target as HTMLSelectElement).value)}
            >
              ${match ? nothing : html`<option value=${value.value} selected>${t.newGroup}: ${value.value}</option>`}
              ${existing.map(
                (group) =>
                  html`<option value=${group.name} ?selected=${match?.id === group.id}>
                    ${t.existingGroup}: ${group.name}
                  </option>`,
              )}
            </select>
          </label>
        </li>`;
      })}
    </ul>
    ${
      fresh.length > 0
        ? html`<p class="muted">${t.newGroupsListed(fresh.map((v) => v.value).join(', '))}</p>`
        : nothing
    }
  </section>`;
}
