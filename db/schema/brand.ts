import { sql } from 'drizzle-orm';
import { blob, check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';

/**
 * Uploaded logos, by the SHA-256 of their bytes: the address a page links to names its
 * content, so it can be cached for a year, and a page built before a change still finds
 * the logo it names. PNG only (docs/decisions/141-brand-logo-png-only.md).
 */
export const brandLogos = sqliteTable('brand_logos', {
  /** Lower-case hex SHA-256 of `bytes`. */
  hash: text('hash').primaryKey(),
  contentType: text('content_type', { enum: ['image/png'] }).notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  widthPx: integer('width_px').notNull(),
  heightPx: integer('height_px').notNull(),
  createdByUserId: integer('created_by_user_id').references(() => users.id),
  createdAt: createdAt(),
});

/**
 * The one row of brand settings (id 1), read by the site build through the API and by the
 * signed-in pages; absent until an admin first saves, and every null field means the
 * built-in default (api/services/brand.ts).
 */
export const brandSettings = sqliteTable(
  'brand_settings',
  {
    id: integer('id').primaryKey(),
    productName: text('product_name').notNull(),
    /** `#rrggbb` for light backgrounds; null: the built-in colours. */
    accentColor: text('accent_color'),
    logoHash: text('logo_hash').references(() => brandLogos.hash),
    supportUrl: text('support_url'),
    supportEmail: text('support_email'),
    footerText: text('footer_text'),
    updatedByUserId: integer('updated_by_user_id').references(() => users.id),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [check('brand_settings_one_row', sql`${t.id} = 1`)],
);
