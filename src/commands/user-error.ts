/**
 * A problem the person who issued a command can fix (a bad link, content the
 * app cannot see). Its message is posted back to them in the thread, so it must
 * never carry confidential data.
 */
export class UserError extends Error {
  override readonly name = "UserError";
}
