/**
 * The diagnostics channel names hooklatch publishes on. Public API: renaming one is a breaking
 * change. Each tracing channel is a `node:diagnostics_channel` TracingChannel, so its events
 * are `tracing:<name>:start`, `:end`, `:asyncStart`, `:asyncEnd` and `:error`.
 */

/** The TracingChannels, one per stage of a delivery. */
export const TRACING_CHANNELS = Object.freeze({
  /** `parseEvent`: read the body, verify, normalize. Context: {@link ParseContext}. */
  parse: 'hooklatch:parse',
  /** `processOnce` (and `handleWebhook` after parsing): one whole delivery. {@link ProcessContext}. */
  process: 'hooklatch:process',
  /** Each `store.claim` of a delivery (two with the replay guard). {@link ClaimContext}. */
  claim: 'hooklatch:claim',
  /** The handler, when it runs. {@link HandleContext}. */
  handle: 'hooklatch:handle',
  /** Each `store.complete` attempt (retries included). {@link CompleteContext}. */
  complete: 'hooklatch:complete',
  /**
   * One worker run of an inbox entry (re-parse, handler, completion), parent of its handle and
   * complete stages. {@link RunContext}.
   */
  run: 'hooklatch:run',
} as const);

/** A plain channel: one message per warning, also after the answer. {@link WarningMessage}. */
export const WARNING_CHANNEL = 'hooklatch:warning';

/**
 * A plain channel: one message per `inboxReceiver` answer, the inbox-mode counterpart of
 * `hooklatch:process` (which only `processOnce` publishes). {@link ReceiptMessage}.
 */
export const RECEIPT_CHANNEL = 'hooklatch:receipt';

/** The stage a tracing channel covers. */
export type TracingStage = keyof typeof TRACING_CHANNELS;
