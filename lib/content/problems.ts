// One wording for content problems, shared by the build log, the index and `npm run content:check`.
import type { ContentProblem } from './types';

/** `<file>: <field>: <reason>`, with "(left out)" when the file was dropped because of it. */
export function formatProblem(p: ContentProblem): string {
  const field = p.field ? `${p.field}: ` : '';
  return `${p.file}: ${field}${p.reason}${p.excluded ? ' (file left out)' : ''}`;
}
