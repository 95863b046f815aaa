/**
 * The accent colour's contrast rules (docs/decisions/142-brand-accent-contrast.md): pure
 * arithmetic shared by the API, which enforces them, and the brand screen, which shows them
 * while the admin types. WCAG 2.2 relative luminance and contrast ratio.
 */

/** AA for text (and so for the text on an accent-coloured button): 4.5:1. */
export const AA_TEXT_CONTRAST = 4.5;

/**
 * The backgrounds the accent sits on, per scheme: the page and the panels (site/styles/
 * global.css `--bg` and `--surface`). A button's text is drawn in the page colour on the
 * accent, the same pair.
 */
export const LIGHT_BACKGROUNDS = ['#ffffff', '#f6f8fa'] as const;
export const DARK_BACKGROUNDS = ['#0d1117', '#161b22'] as const;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rrggbb` in lower case from `#rgb` or `#rrggbb` (any case); null when it is neither. */
export function normaliseHex(text: string): string | null {
  const trimmed = text.trim();
  if (!HEX.test(trimmed)) return null;
  const digits = trimmed.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits}`;
}

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** The lowest contrast of `colour` against any of `backgrounds`. */
export function worstContrast(colour: string, backgrounds: readonly string[]): number {
  return Math.min(...backgrounds.map((background) => contrastRatio(colour, background)));
}

/** A ratio as people read it, never rounded up past a threshold: `4.49:1`. */
export function ratioText(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * The colour mixed toward `target` in 1 % steps until it reaches AA against every
 * background: the nearest shade of the same hue that passes. Black and white pass against
 * the portal's dark and light backgrounds, so the search always ends.
 */
function shadeReaching(colour: string, target: string, backgrounds: readonly string[]): string {
  const from = channels(colour);
  const to = channels(target);
  for (let step = 0; step <= 100; step += 1) {
    const mixed = toHex(
      from.map((channel, index) => channel + ((to[index] ?? 0) - channel) * (step / 100)) as [
        number,
        number,
        number,
      ],
    );
    if (worstContrast(mixed, backgrounds) >= AA_TEXT_CONTRAST) return mixed;
  }
  return target;
}

export interface AccentCheck {
  /** The colour as given, normalised. */
  color: string;
  /** Its lowest contrast against the light backgrounds; AA needs 4.5. */
  lightContrast: number;
  /** Whether it may be used: it must reach AA on the light backgrounds as it is. */
  passes: boolean;
  /** A darker shade of the same hue that would pass on light backgrounds (when it does not). */
  suggestion: string | null;
  /** The colour used on dark backgrounds: itself if it reaches AA there, else a lighter shade. */
  dark: string;
  darkContrast: number;
  /** True when `dark` is a lighter shade rather than the colour itself. */
  adjustedForDark: boolean;
}

/**
 * Checks an accent colour for both schemes. On light backgrounds it is used exactly as
 * given, so it must reach AA there; on dark backgrounds, where no colour that passes on white
 * can also pass, the nearest lighter shade that reaches AA is used instead.
 */
export function checkAccent(colour: string): AccentCheck {
  const lightContrast = worstContrast(colour, LIGHT_BACKGROUNDS);
  const passes = lightContrast >= AA_TEXT_CONTRAST;
  const ownDark = worstContrast(colour, DARK_BACKGROUNDS);
  const dark =
    ownDark >= AA_TEXT_CONTRAST ? colour : shadeReaching(colour, '#ffffff', DARK_BACKGROUNDS);
  return {
    color: colour,
    lightContrast,
    passes,
    suggestion: passes ? null : shadeReaching(colour, '#000000', LIGHT_BACKGROUNDS),
    dark,
    darkContrast: worstContrast(dark, DARK_BACKGROUNDS),
    adjustedForDark: dark !== colour,
  };
}
