import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { brandLogos, brandSettings } from '../../db/schema/index.ts';
import type { AdminContext, Deps } from '../context.ts';
import { invalidInput, Unprocessable } from '../domain-errors.ts';
import { unchanged, writeStatusData } from '../infra/status-cache.ts';
import { checkAccent, normaliseHex, ratioText } from '../pure/brand-colour.ts';
import { recordAudit } from './audit.ts';

/**
 * The brand: product name, logo, accent colour, support contact and footer text. One read
 * model (`BrandDto`) for everything that shows it — the site build through GET /brand, the
 * signed-in pages, and later the notification emails — so they never disagree. A change is
 * public data: it bumps the status version, which rebuilds the site (ADR 050).
 */

export const DEFAULT_PRODUCT_NAME = 'Service status';
/** The largest logo accepted, in bytes (a header logo at twice its size is a few kB). */
export const LOGO_MAX_BYTES = 100 * 1024;
/**
 * The request body limit of PUT /staff/brand/logo: the logo in base64 (4 characters per 3
 * bytes) and room for the rest of the JSON.
 */
export const LOGO_BODY_LIMIT_BYTES = Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 1024;
/** The longest side of a logo, in pixels. */
export const LOGO_MAX_SIDE_PX = 1024;
export const PRODUCT_NAME_MAX = 60;
export const FOOTER_TEXT_MAX = 500;

export interface BrandAccentDto {
  /** `#rrggbb`, used as given on light backgrounds. */
  color: string;
  /** The shade used on dark backgrounds (the colour itself, or a lighter shade of it). */
  dark: string;
  lightContrast: number;
  darkContrast: number;
  adjustedForDark: boolean;
}

export interface BrandLogoDto {
  /** Path on this origin; the file name is the SHA-256 of the bytes (cache forever). */
  url: string;
  hash: string;
  contentType: 'image/png';
  widthPx: number;
  heightPx: number;
  bytes: number;
}

export interface BrandDto {
  productName: string;
  /** Null: the portal's built-in colours. */
  accent: BrandAccentDto | null;
  /** Null: the built-in icon. */
  logo: BrandLogoDto | null;
  support: { url: string | null; email: string | null };
  footerText: string | null;
  /** Null until an admin first saves the brand. */
  updatedAt: string | null;
}

type Reader = Deps['db']['db'] | Tx;

export function logoUrl(hash: string): string {
  return `/api/v1/brand/logo/${hash}.png`;
}

function accentDto(color: string | null): BrandAccentDto | null {
  if (color === null) return null;
  const check = checkAccent(color);
  return {
    color: check.color,
    dark: check.dark,
    lightContrast: check.lightContrast,
    darkContrast: check.darkContrast,
    adjustedForDark: check.adjustedForDark,
  };
}

/** The brand read with any reader (a transaction too: mail rendered with an event). */
export async function readBrand(db: Reader): Promise<BrandDto> {
  const row = await db.select().from(brandSettings).where(eq(brandSettings.id, 1)).get();
  if (!row) {
    return {
      productName: DEFAULT_PRODUCT_NAME,
      accent: null,
      logo: null,
      support: { url: null, email: null },
      footerText: null,
      updatedAt: null,
    };
  }
  const logo =
    row.logoHash === null
      ? undefined
      : await db
          .select({
            hash: brandLogos.hash,
            widthPx: brandLogos.widthPx,
            heightPx: brandLogos.heightPx,
            bytes: brandLogos.bytes,
          })
          .from(brandLogos)
          .where(eq(brandLogos.hash, row.logoHash))
          .get();
  return {
    productName: row.productName,
    accent: accentDto(row.accentColor),
    logo: logo
      ? {
          url: logoUrl(logo.hash),
          hash: logo.hash,
          contentType: 'image/png',
          widthPx: logo.widthPx,
          heightPx: logo.heightPx,
          bytes: logo.bytes.length,
        }
      : null,
    support: { url: row.supportUrl, email: row.supportEmail },
    footerText: row.footerText,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The brand as every page shows it; the built-in defaults until an admin saves one. */
export function getBrand(deps: Deps): Promise<BrandDto> {
  return readBrand(deps.db.db);
}

/** The brand's settings without timestamps: what the audit log and no-op checks compare. */
function settingsOf(brand: BrandDto) {
  return {
    productName: brand.productName,
    accentColor: brand.accent?.color ?? null,
    logo: brand.logo === null ? null : { hash: brand.logo.hash, widthPx: brand.logo.widthPx },
    supportUrl: brand.support.url,
    supportEmail: brand.support.email,
    footerText: brand.footerText,
  };
}

type BrandRow = typeof brandSettings.$inferInsert;

/**
 * Writes the settings row (made on the first save) and its audit entry, as one status write:
 * a change bumps the status version (the site rebuilds); a save that changes nothing is
 * rolled back, leaving no entry and no rebuild.
 */
function writeBrand(
  ctx: AdminContext,
  action: string,
  change: (tx: Tx, before: BrandDto) => Promise<Partial<BrandRow>>,
): Promise<BrandDto> {
  const { deps, principal } = ctx;
  return writeStatusData(deps, async (tx) => {
    const before = await readBrand(tx);
    const values = await change(tx, before);
    const nowMs = deps.clock.now();
    const current = settingsOf(before);
    const row: BrandRow = {
      id: 1,
      productName: current.productName,
      accentColor: current.accentColor,
      logoHash: current.logo?.hash ?? null,
      supportUrl: current.supportUrl,
      supportEmail: current.supportEmail,
      footerText: current.footerText,
      ...values,
      updatedByUserId: principal.user.id,
      updatedAt: new Date(nowMs),
    };
    await tx
      .insert(brandSettings)
      .values(row)
      .onConflictDoUpdate({ target: brandSettings.id, set: row });
    const after = await readBrand(tx);
    if (isDeepStrictEqual(settingsOf(before), settingsOf(after))) return unchanged(before);
    await recordAudit(tx, ctx, {
      action,
      entityType: 'brand',
      entityId: 1,
      before: before.updatedAt === null ? null : settingsOf(before),
      after: settingsOf(after),
    });
    return after;
  });
}

export interface BrandChange {
  productName?: string | undefined;
  accentColor?: string | null | undefined;
  supportUrl?: string | null | undefined;
  supportEmail?: string | null | undefined;
  footerText?: string | null | undefined;
}

/**
 * Changes the brand's text and colour: an omitted field keeps its value, null restores the
 * default. An accent colour below AA on the light backgrounds is refused with a darker shade
 * of it that would pass (docs/decisions/142-brand-accent-contrast.md).
 */
export async function updateBrand(ctx: AdminContext, change: BrandChange): Promise<BrandDto> {
  let accentColor: string | null | undefined = change.accentColor;
  if (typeof change.accentColor === 'string') {
    const hex = normaliseHex(change.accentColor);
    if (hex === null) {
      throw invalidInput('The accent colour is not valid.', [
        { path: 'accentColor', message: 'must be a colour in hex, such as #0b5cad' },
      ]);
    }
    const check = checkAccent(hex);
    if (!check.passes) {
      throw new Unprocessable(
        `${hex} is too light for text and buttons on the light page: ${ratioText(check.lightContrast)} where WCAG AA needs 4.50:1.`,
        {
          code: 'ACCENT_CONTRAST',
          issues: [
            {
              path: 'accentColor',
              message: `has a contrast of ${ratioText(check.lightContrast)} against the light page; at least 4.50:1 is needed (WCAG AA). ${check.suggestion ?? 'A darker shade'} would do.`,
            },
          ],
        },
      );
    }
    accentColor = hex;
  }
  return writeBrand(ctx, 'brand.update', async () => {
    const values: Partial<BrandRow> = {};
    if (change.productName !== undefined) values.productName = change.productName;
    if (accentColor !== undefined) values.accentColor = accentColor;
    if (change.supportUrl !== undefined) values.supportUrl = change.supportUrl;
    if (change.supportEmail !== undefined) values.supportEmail = change.supportEmail;
    if (change.footerText !== undefined) values.footerText = change.footerText;
    return values;
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const logoProblem = (message: string) =>
  invalidInput('The logo cannot be used.', [{ path: 'dataBase64', message }]);

/**
 * A PNG's size from its header, after checking that it is a whole PNG: the signature, the
 * header chunk first, the end chunk last. The bytes are served as they are, as image/png.
 */
export function pngSize(bytes: Buffer): { widthPx: number; heightPx: number } {
  if (bytes.length < 8 + 25 + 12 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw logoProblem('must be a PNG image (other formats, SVG included, are not accepted)');
  }
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw logoProblem('is not a valid PNG image (no header)');
  }
  if (!bytes.subarray(bytes.length - 12).equals(PNG_END)) {
    throw logoProblem('is not a whole PNG image (it is cut short)');
  }
  const widthPx = bytes.readUInt32BE(16);
  const heightPx = bytes.readUInt32BE(20);
  if (widthPx < 1 || heightPx < 1) throw logoProblem('is not a valid PNG image (empty)');
  if (widthPx > LOGO_MAX_SIDE_PX || heightPx > LOGO_MAX_SIDE_PX) {
    throw logoProblem(
      `is ${widthPx} × ${heightPx} px; each side must be at most ${LOGO_MAX_SIDE_PX} px`,
    );
  }
  return { widthPx, heightPx };
}

/** Decodes and checks an uploaded logo: base64 text of a PNG of at most LOGO_MAX_BYTES. */
export function decodeLogo(dataBase64: string): {
  bytes: Buffer;
  widthPx: number;
  heightPx: number;
} {
  if (!BASE64.test(dataBase64)) throw logoProblem('must be the file’s bytes in base64');
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) {
    throw logoProblem(
      `is ${Math.ceil(bytes.length / 1024)} KiB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KiB`,
    );
  }
  return { bytes, ...pngSize(bytes) };
}

/** Sets the logo: stored once per content (by its hash), then named by the brand. */
export async function setBrandLogo(ctx: AdminContext, dataBase64: string): Promise<BrandDto> {
  const { deps, principal } = ctx;
  const logo = decodeLogo(dataBase64);
  const hash = createHash('sha256').update(logo.bytes).digest('hex');
  return writeBrand(ctx, 'brand.logo.set', async (tx) => {
    await tx
      .insert(brandLogos)
      .values({
        hash,
        contentType: 'image/png',
        bytes: logo.bytes,
        widthPx: logo.widthPx,
        heightPx: logo.heightPx,
        createdByUserId: principal.user.id,
        createdAt: new Date(deps.clock.now()),
      })
      .onConflictDoNothing();
    return { logoHash: hash };
  });
}

/** Back to the built-in icon. The stored logo stays: pages built before still name it. */
export function removeBrandLogo(ctx: AdminContext): Promise<BrandDto> {
  return writeBrand(ctx, 'brand.logo.remove', async () => ({
    logoHash: null,
  }));
}

/** A stored logo by its hash, for GET /brand/logo/{file}. */
export async function brandLogo(deps: Deps, hash: string): Promise<Buffer | null> {
  const row = await deps.db.db
    .select({ bytes: brandLogos.bytes })
    .from(brandLogos)
    .where(eq(brandLogos.hash, hash))
    .get();
  return row?.bytes ?? null;
}
