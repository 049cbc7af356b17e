/**
 * BENCHMARKS.md: the machine, then one table per section, rewritten by every `npm run bench`; the
 * hand-kept "Before and after" part at its end (rows recorded when a change closed a gap) is kept.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { BenchSection, Cell } from './types';

export const BEFORE_AND_AFTER = '## Before and after';

export function markdownTable(columns: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

export function sectionMarkdown(section: BenchSection): string {
  const parts = [`## ${section.title}`, '', section.description, '', markdownTable(section.columns, section.rows)];
  if (section.notes?.length) parts.push('', ...section.notes.map((note) => `- ${note}`));
  return parts.join('\n');
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** What the figures were measured on: they compare only within one run on one machine. */
export function machineDescription(engine: string, loadAtStart: number[]): string {
  const cpus = os.cpus();
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  return [
    `- Measured ${new Date().toISOString()} at commit ${commit()}, \`npm run bench\`${process.env.BENCH_QUICK ? ' (BENCH_QUICK: short runs)' : ''}.`,
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; Node ${process.version}.`,
    `- Database: ${engine}. Load average (1 / 5 / 15 min) at the start ${load(loadAtStart)}, at the end ${load(os.loadavg())}: this machine is shared, so timings are medians and ratios measured in the same run; compare them within one run.`,
  ].join('\n');
}

export function writeBenchmarks(file: string, machine: string, sections: BenchSection[]): void {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const kept = previous.includes(BEFORE_AND_AFTER) ? previous.slice(previous.indexOf(BEFORE_AND_AFTER)) : `${BEFORE_AND_AFTER}\n\n(none yet)\n`;
  const body = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench`: everything above "Before and after" is rewritten on each run. -->',
    '',
    machine,
    '',
    ...sections.flatMap((section) => [sectionMarkdown(section), '']),
    kept.trimEnd(),
    '',
  ].join('\n');
  fs.writeFileSync(file, body);
}
