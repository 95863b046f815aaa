import type { components } from './api-client.ts';

type BrandDto = components['schemas']['Brand'];

/**
 * What the layout makes of the brand: the title suffix, the header's logo, the accent as CSS
 * for both schemes, and the support contact. Shared by the static layout and the brand
 * screen's live preview, so the preview shows what the next build will.
 */

const HEX = /^#[0-9a-f]{6}$/;

/**
 * The accent as a style sheet: the colour on light backgrounds, its dark-scheme shade on
 * dark ones. `html:root` outranks the stylesheet's `:root` whatever order they load in.
 * Only `#rrggbb` is written (the API stores nothing else), so no text reaches the CSS.
 */
export function accentCss(accent: BrandDto['accent']): string | null {
  if (accent === null || !HEX.test(accent.color) || !HEX.test(accent.dark)) return null;
  return (
    `html:root{--focus:${accent.color};--accent:${accent.color}}` +
    `@media (prefers-color-scheme: dark){html:root{--focus:${accent.dark};--accent:${accent.dark}}}`
  );
}

/** `Incident history · Northwind status`; the home page is the product name alone. */
export function pageTitle(title: string, productName: string): string {
  return title === 'Status' ? productName : `${title} · ${productName}`;
}

/** The header logo's size: 32 px high, its width in proportion. */
export function logoBox(logo: NonNullable<BrandDto['logo']>): { width: number; height: number } {
  const height = 32;
  return { width: Math.max(1, Math.round((logo.widthPx * height) / logo.heightPx)), height };
}

export interface SupportLink {
  href: string;
  label: string;
}

/** The support contacts to show: the web address first, then the email address. */
export function supportLinks(support: BrandDto['support']): SupportLink[] {
  const links: SupportLink[] = [];
  if (support.url !== null) {
    links.push({ href: support.url, label: support.url.replace(/^https?:\/\//, '') });
  }
  if (support.email !== null) links.push({ href: `mailto:${support.email}`, label: support.email });
  return links;
}
