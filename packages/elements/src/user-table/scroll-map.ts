/**
 * Maps a virtual scroll range (every row of the result at its full height) onto the
 * scroll range a browser can actually give an element, whose height it caps (Chromium
 * about 33.5 million px, so 1,000,000 rows of 44 px do not fit).
 *
 * Glide Data Grid's approach: a small move of the scrollbar (wheel, arrow keys, a short
 * drag) moves the content by the same number of pixels, so scrolling feels normal; a
 * big jump (dragging the thumb, PageDown over a long way) lands proportionally, and the
 * two ends map to the two ends exactly. Without a cap (the range fits) it is 1:1.
 *
 * Invariant: `top` is within [0, maxTop], and `top` is 0 when the real scroll position
 * is 0 and `maxTop` when it is at its end.
 */
export class ScrollMap {
  /** Virtual offset of the viewport's top edge. */
  top = 0;
  private lastScroll = 0;
  private content = 0;
  private viewport = 0;

  constructor(private readonly limit: number = maxElementHeight()) {}

  /** Height the scrolling element's content gets (the virtual height, capped). */
  get scrollHeight(): number {
    return Math.min(this.content, this.limit);
  }

  /** Largest virtual top: the last row's bottom at the viewport's bottom. */
  get maxTop(): number {
    return Math.max(0, this.content - this.viewport);
  }

  /**
   * Virtual minus real scroll position: content at virtual offset `y` is laid out at real
   * offset `y - shift`. Small moves keep it (content scrolls natively, 1:1); jumps change it.
   */
  get shift(): number {
    return this.top - this.lastScroll;
  }

  private get maxScroll(): number {
    return Math.max(0, this.scrollHeight - this.viewport);
  }

  /** Sets the virtual content height and the viewport height (both in px). */
  resize(content: number, viewport: number): void {
    this.content = content;
    this.viewport = viewport;
    this.top = clamp(this.top, 0, this.maxTop);
    this.lastScroll = clamp(this.lastScroll, 0, this.maxScroll);
  }

  /** The real scroll position moved (a `scroll` event): updates and returns `top`. */
  scrolled(scrollTop: number): number {
    const maxScroll = this.maxScroll;
    const delta = scrollTop - this.lastScroll;
    this.lastScroll = scrollTop;
    if (this.scrollHeight >= this.content) this.top = scrollTop;
    else if (scrollTop <= 0) this.top = 0;
    else if (scrollTop >= maxScroll - 0.5) this.top = this.maxTop;
    else if (Math.abs(delta) <= this.viewport) this.top = clamp(this.top + delta, 0, this.maxTop);
    else this.top = (scrollTop / maxScroll) * this.maxTop;
    return this.top;
  }

  /**
   * The real scroll position that shows virtual `top` (a keyboard move, Ctrl+End); the
   * map takes `top` at once, and {@link settle} records where the browser really put it.
   */
  scrollFor(top: number): number {
    const target = clamp(top, 0, this.maxTop);
    const delta = target - this.top;
    this.top = target;
    if (this.scrollHeight >= this.content) return target;
    if (target === 0) return 0;
    if (target === this.maxTop) return this.maxScroll;
    const near = this.lastScroll + delta;
    if (Math.abs(delta) <= this.viewport && near > 0 && near < this.maxScroll) return near;
    return (target / this.maxTop) * this.maxScroll;
  }

  /** Records the real position after {@link scrollFor}, so its scroll event changes nothing. */
  settle(scrollTop: number): void {
    this.lastScroll = scrollTop;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

let measured: number | undefined;

/**
 * The tallest element this browser lays out, measured once: an element asked to be
 * 10^9 px tall gets the browser's cap. Falls back to 10^7 px before a `<body>` exists.
 */
export function maxElementHeight(): number {
  if (measured !== undefined) return measured;
  if (!document.body) return 10_000_000;
  const probe = document.createElement('div');
  probe.style.cssText =
    'position:absolute;visibility:hidden;inline-size:1px;block-size:1000000000px';
  document.body.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  // A little under the cap: some browsers clip the last pixels of a capped element.
  measured = Math.max(1_000_000, Math.floor(Math.min(height, 1_000_000_000) * 0.98));
  return measured;
}
