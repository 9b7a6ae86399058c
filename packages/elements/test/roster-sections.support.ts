/**
 * Test helpers for the admin sections' browser tests (activity, group manager, outbox,
 * recycle bin, settings): mount an element and wait until it has settled, check its
 * retryable load error. Find UI in them with `support/by-role.ts`.
 */
import type { TemplateResult } from 'lit';
import { fixture } from '@open-wc/testing';
import { byRole, findByRole } from './support/by-role.js';
import { until } from './support/until.js';

/** Waits until nothing in the element is loading (no busy region, no loading state). */
export async function settled(element: HTMLElement & { updateComplete: Promise<unknown> }) {
  await element.updateComplete;
  await until(
    () => !element.shadowRoot!.querySelector('[aria-busy=true]'),
    `${element.localName} to finish loading`,
  );
  await element.updateComplete;
}

/** Renders `template` and waits until the element has loaded. */
export async function mounted<T extends HTMLElement & { updateComplete: Promise<unknown> }>(
  template: TemplateResult,
): Promise<T> {
  const element = await fixture<T>(template);
  await settled(element);
  return element;
}

/** Asserts the element shows its load failure (`reason`) as an alert with a retry button. */
export async function expectRetryableError(element: HTMLElement, reason: string): Promise<void> {
  const alert = await findByRole(element.shadowRoot!, 'alert');
  if (!alert.textContent!.includes(reason))
    throw new Error(`the alert says ${JSON.stringify(alert.textContent)}, not ${reason}`);
  byRole(alert, 'button', 'Try again');
}
