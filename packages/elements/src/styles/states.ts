import { css } from 'lit';

/**
 * Styles of what the foundation renders for every element: loading / empty / error
 * states, buttons, badges and clamped user text.
 */
export const foundationStyles = css`
  .state {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin: 0;
    padding: calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .state.error {
    color: var(--_danger);
  }
  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: roster-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes roster-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
    cursor: pointer;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .button.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  .button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .muted {
    color: var(--_muted);
  }
  .clamp {
    display: inline-block;
    max-inline-size: var(--roster-clamp-width, 28ch);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: bottom;
  }
  /* A keyboard user has no hover: while the cell, button or item holding a clamped value
     has keyboard focus, the whole value wraps open above its neighbours. */
  :focus-visible .clamp,
  .clamp:focus-visible {
    position: relative;
    z-index: 1;
    overflow: visible;
    white-space: normal;
    overflow-wrap: anywhere;
    background: var(--_surface);
  }
`;
