/** The demo's command line. */
import { STORE_FORMS } from './stores';

/** Parsed options. */
export interface DemoArgs {
  json: boolean;
  store: string;
  withoutDedupe: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run demo [-- options]

Sends realistic, signed webhook traffic from Stripe, GitHub, Shopify, Standard Webhooks and the
Qualio-like and Creatio-like senders to a real HTTP receiver on 127.0.0.1 (retries, concurrent
copies, a slow handler against a sender timeout, rapid edits, tampered and stale deliveries, a
dead letter and its replay), then checks in the application's database that every distinct
event produced exactly one side effect. Exits 0 when it holds, 1 when it does not, 2 on a usage
mistake.

Options:
  --store <url>      the dedupe store and inbox (default sqlite:, removed at the end):
                     ${STORE_FORMS}
  --json             print the report as JSON on stdout (progress stays on stderr)
  --without-dedupe   run the direct routes' handlers on every verified delivery, without
                     claiming the event: watch the invariant fail (exit 1)
  -h, --help         this text
`;

/** Parse `argv` (without node and the script); throws an Error for a usage mistake. */
export function parseArgs(argv: readonly string[]): DemoArgs {
  const args: DemoArgs = { json: false, store: 'sqlite:', withoutDedupe: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') args.json = true;
    else if (arg === '--without-dedupe') args.withoutDedupe = true;
    else if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg.startsWith('--store=')) args.store = arg.slice('--store='.length);
    else if (arg === '--store') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error('--store needs a URL');
      args.store = value;
    } else throw new Error(`unknown option ${arg}`);
  }
  return args;
}
