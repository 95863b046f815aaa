import { z } from '../openapi.ts';

/**
 * Text people typed that others will read: names, titles and notes (docs/decisions/117).
 * What is shown must be what was stored, so nothing invisible may change how it reads.
 */

/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder text. */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** Invisible direction marks (LRM, RLM, ALM): fine in prose, a way to forge look-alike names. */
const DIRECTION_MARKS = /[\u200E\u200F\u061C]/u;
/** C0 controls, DEL and C1 controls (Unicode's Cc). */
const CONTROLS = /\p{Cc}/u;
/** The same, less tab, line feed and carriage return, which prose may hold. */
const CONTROLS_BUT_LAYOUT = /(?![\t\n\r])\p{Cc}/u;
const LINE_SEPARATORS = /[\u2028\u2029]/u;

const codePoint = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `text` may not be stored, in words, or undefined when it may. Single-line text (names,
 * titles) holds no control character at all; multi-line text may hold tabs and line breaks.
 */
export function textProblem(text: string, options: { multiline: boolean }): string | undefined {
  if (!text.isWellFormed()) return 'must be valid Unicode text (it has a lone surrogate)';
  const controls = options.multiline ? CONTROLS_BUT_LAYOUT : CONTROLS;
  const control = controls.exec(text)?.[0];
  if (control !== undefined) {
    return control === '\n' || control === '\r' || control === '\t'
      ? `must be one line, without tabs or line breaks (found ${codePoint(control)})`
      : `must not contain control characters (found ${codePoint(control)})`;
  }
  const direction =
    DIRECTION_CONTROLS.exec(text)?.[0] ??
    (options.multiline ? undefined : DIRECTION_MARKS.exec(text)?.[0]);
  if (direction !== undefined) {
    return `must not contain characters that change the direction of text (found ${codePoint(direction)})`;
  }
  const separator = options.multiline ? undefined : LINE_SEPARATORS.exec(text)?.[0];
  if (separator !== undefined) {
    return `must be one line, without line or paragraph separators (found ${codePoint(separator)})`;
  }
  return undefined;
}

function refuseProblems(multiline: boolean) {
  return (text: string, ctx: z.RefinementCtx) => {
    const message = textProblem(text, { multiline });
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  };
}

/**
 * A name or title: one line, trimmed, `min`–`max` characters (at least one by default), no
 * control or direction-changing characters.
 */
export function displayText(options: { max: number; min?: number }) {
  return z
    .string()
    .trim()
    .min(options.min ?? 1)
    .max(options.max)
    .superRefine(refuseProblems(false));
}

/**
 * Prose (a description, an update, a reason): tabs and line breaks allowed, no other control
 * characters and nothing that reorders text. Trimmed unless `trim` is false.
 */
export function longText(options: { max: number; min?: number; trim?: boolean }) {
  const text = options.trim === false ? z.string() : z.string().trim();
  return text
    .min(options.min ?? 0)
    .max(options.max)
    .superRefine(refuseProblems(true));
}
