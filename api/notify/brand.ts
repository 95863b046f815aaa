import type { Tx } from '../../db/client.ts';
import type { Deps } from '../context.ts';
import { readBrand } from '../services/brand.ts';

/** The brand as mail shows it: the provider's settings (decision 141), or the built-in ones. */
export interface MailBrand {
  productName: string;
  /** `#rrggbb`, with white text on it at 4.5:1 or better (decision 142). */
  accentColor: string;
  /** The logo's absolute address, or null for none. */
  logoUrl: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  footerText: string | null;
}

/** The site's focus colour: white on it is 7.6:1. */
const DEFAULT_ACCENT = '#0550ae';

type Reader = Deps['db']['db'] | Tx;

export async function mailBrand(db: Reader, origin: string): Promise<MailBrand> {
  const brand = await readBrand(db);
  return {
    productName: brand.productName,
    accentColor: brand.accent?.color ?? DEFAULT_ACCENT,
    logoUrl: brand.logo ? `${origin}${brand.logo.url}` : null,
    supportEmail: brand.support.email,
    supportUrl: brand.support.url,
    footerText: brand.footerText,
  };
}
