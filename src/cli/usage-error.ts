/**
 * Bad usage or unreadable input: the CLI prints the message (already in the output language)
 * and exits with code 2. `usage`: the command's help to print after it (an unknown option, a
 * missing required one), so the right spelling is on screen.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}
