/**
 * What `promise` rejected with; fails the test when it resolves instead. For asserting on
 * the error an admin would see (its code, message, details), not merely that one occurred.
 *
 * @example
 * ```ts
 * const error = await rejection(roster.users.delete([ownerId]));
 * expect(isRosterError(error) && error.code).to.equal('rule');
 * ```
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}
