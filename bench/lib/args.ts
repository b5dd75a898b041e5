/** `--name value` and `--flag` arguments of the bench commands. */
export function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) args.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args.set(name, argv[++i]);
    else args.set(name, 'true');
  }
  return args;
}

export const list = (value: string | undefined, fallback: string[]) =>
  value ? value.split(',').map((v) => v.trim()).filter(Boolean) : fallback;

export const log = (...parts: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);
