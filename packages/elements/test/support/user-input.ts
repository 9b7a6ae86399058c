/**
 * Acting as a person does on what `by-role.ts` found: typing into a field, choosing an
 * option by its label, pressing keys on the browser's real keyboard, and asking where the
 * focus is (through shadow roots).
 */

function dispatchEdit(field: HTMLElement): void {
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Types `value` into a field as a person would (replacing what was there; input events fire). */
export function type(field: HTMLElement, value: string): void {
  const input = field as HTMLInputElement | HTMLTextAreaElement;
  input.focus();
  input.value = value;
  dispatchEdit(input);
}

/** Chooses the option of `select` whose visible label is `label` (exact or RegExp). */
export function choose(select: HTMLSelectElement, label: string | RegExp): void {
  const shown = (option: HTMLOptionElement) => option.textContent!.replace(/\s+/g, ' ').trim();
  const option = [...select.options].find((candidate) =>
    typeof label === 'string' ? shown(candidate) === label : label.test(shown(candidate)),
  );
  if (!option)
    throw new Error(
      `no option ${String(label)}; options: ${JSON.stringify([...select.options].map(shown))}`,
    );
  select.value = option.value;
  dispatchEdit(select);
}

/** Presses `key` through the browser's real keyboard, with Control/Shift held when asked. */
export async function press(
  key: string,
  options: { ctrl?: boolean; shift?: boolean } = {},
): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands');
  const held = [options.ctrl ? 'Control' : null, options.shift ? 'Shift' : null].filter(
    (k): k is string => k !== null,
  );
  for (const k of held) await sendKeys({ down: k });
  await sendKeys({ press: key });
  for (const k of held.reverse()) await sendKeys({ up: k });
}

/** The element that has focus, looking through shadow roots. */
export function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
