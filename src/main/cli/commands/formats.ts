/** `copydesk formats [--json]`: the export formats, one per line, the id first, then its label. */
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from '../../../shared/contract.ts';
import { json, type Command } from '../context.ts';

export const formatsCommand: Command = async ({ args, io }) => {
  const formats = EXPORT_FORMATS.map((id) => ({ id, label: EXPORT_FORMAT_LABELS[id] }));
  if (args.json) {
    json(io, formats);
    return 0;
  }
  const width = Math.max(...formats.map((f) => f.id.length));
  for (const { id, label } of formats) io.stdout(`${id.padEnd(width)}  ${label}\n`);
  return 0;
};
