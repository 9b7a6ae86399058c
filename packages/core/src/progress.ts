/** Progress of a long operation. */
export interface Progress {
  /** Items finished so far. */
  done: number;
  /** Items in all. */
  total: number;
}
