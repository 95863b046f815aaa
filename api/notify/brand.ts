import type { Tx } from '../../db/client.ts';
import type { Deps } from '../context.ts';

/**
 * The brand as mail shows it. Brand settings are being added on another branch
 * (api/services/brand.ts, decision 141); until they land, mail uses the product's built-in
 * name and colour, read through this one function so the switch is one change here.
 */
export interface MailBrand {
  productName: string;
  /** `#rrggbb`, with white text on it at 4.5:1 or better. */
  accentColor: string;
  supportEmail: string | null;
  supportUrl: string | null;
}

export const DEFAULT_MAIL_BRAND: MailBrand = {
  productName: 'Service status',
  // The site's focus colour: white on it is 7.6:1.
  accentColor: '#0550ae',
  supportEmail: null,
  supportUrl: null,
};

type Reader = Deps['db']['db'] | Tx;

export async function mailBrand(_db: Reader): Promise<MailBrand> {
  return DEFAULT_MAIL_BRAND;
}
