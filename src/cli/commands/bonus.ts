import type { CliIO } from '../io';
import { UsageError } from '../usage-error';

// Placeholder until the engine lands.
export async function bonusCommand(_argv: string[], _io: CliIO): Promise<void> {
  throw new UsageError('the bonus command is not built yet');
}
