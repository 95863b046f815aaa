import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type * as fontkit from 'fontkit';
import type PDFKitDocument from 'pdfkit';
import type { PNG as PngCodec } from 'pngjs';
import type { EvaluationResult } from '../sla/index.ts';
import {
  CLAIM_STATUS_WORDS,
  hoursMinutes,
  localDateTimeText,
  moneyText,
  monthName,
  offsetAt,
  shortMonthName,
} from './statement-format.ts';
import type { StatementDocument, StatementItem } from './statements.ts';

/**
 * A statement as PDF (ADR 161), made with pdfkit: the provider's brand, the customer, each
 * agreement and its period in the agreement's zone, per service and month the target, the
 * availability as the API displays it, met or missed (or no data, or the unmeasured time),
 * downtime in h:mm, the credit and the rule that gave it; the claims, the totals per currency
 * and how to verify the figures.
 *
 * Text is set in DejaVu Sans, embedded (subset): it prints Latin, Greek, Cyrillic, Armenian
 * and Georgian. Any other character (CJK, right-to-left scripts, which pdfkit cannot lay out,
 * control characters) is printed as its code point, `[U+5C71]`, with a note saying so: a name
 * is never silently dropped or shown as empty boxes.
 *
 * The same document gives the same bytes: the creation date is the statement's as-of instant
 * and pdfkit derives the file id from it.
 */

const require = createRequire(import.meta.url);

declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      /**
       * pdfkit also takes a font fontkit has already parsed (its PDFFontFactory.open), which
       * @types/pdfkit does not declare. Parsing DejaVu Sans takes longer than laying out a
       * statement, so it is parsed once per process; each document still embeds its own subset.
       */
      registerFont(name: string, src: fontkit.Font, family: string): this;
    }
  }
}

interface Fonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/**
 * pdfkit, fontkit and pngjs with the parsed fonts, loaded on the first PDF (ADR 177): an
 * idle portal that never writes a PDF does not hold their code (about 2 MB of source) and
 * DejaVu Sans.
 */
interface PdfKit {
  PDFDocument: typeof PDFKitDocument;
  PNG: typeof PngCodec;
  fonts: Fonts;
}

let kit: PdfKit | undefined;
let kitLoading: Promise<PdfKit> | undefined;

function parseFont(fontkitModule: typeof fontkit, file: string): fontkit.Font {
  const parsed = fontkitModule.create(
    readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
  );
  if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`${file} is a font collection`);
  return parsed;
}

function loadPdfKit(): Promise<PdfKit> {
  kitLoading ??= Promise.all([import('pdfkit'), import('fontkit'), import('pngjs')]).then(
    ([pdfkit, fontkitModule, pngjs]) => {
      kit = {
        PDFDocument: pdfkit.default,
        PNG: pngjs.PNG,
        fonts: {
          regular: parseFont(fontkitModule, 'DejaVuSans.ttf'),
          bold: parseFont(fontkitModule, 'DejaVuSans-Bold.ttf'),
        },
      };
      return kit;
    },
  );
  kitLoading.catch(() => {
    // A failed load is tried again by the next PDF.
    kitLoading = undefined;
  });
  return kitLoading;
}

/** Scripts the font covers and pdfkit lays out left to right without shaping. */
const PRINTABLE_SCRIPT =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Common}\p{Script=Inherited}]$/u;
const CONTROL = /^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]$/u;

/** Text as the font can print it; reports whether anything had to be written as a code point. */
function printable(text: string, coverage: fontkit.Font): { text: string; replaced: boolean } {
  let replaced = false;
  let out = '';
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (
      PRINTABLE_SCRIPT.test(char) &&
      !CONTROL.test(char) &&
      coverage.hasGlyphForCodePoint(codePoint)
    ) {
      out += char;
    } else {
      replaced = true;
      out += `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`;
    }
  }
  return { text: out, replaced };
}

const logos = new Map<string, Buffer | null>();

/**
 * The logo as a plain 8-bit RGB PNG on white, which pdfkit embeds without decoding it: a PNG
 * with transparency or interlacing would be decoded by pdfkit asynchronously, where a damaged
 * file fails beyond reach. pngjs reads it here synchronously, so a logo that cannot be read
 * is left out (the product name still heads the page). Cached per content.
 */
function logoForPdf(PNG: typeof PngCodec, png: Uint8Array): Buffer | null {
  const key = Buffer.from(png).toString('base64');
  const cached = logos.get(key);
  if (cached !== undefined) return cached;
  let flattened: Buffer | null;
  try {
    const decoded = PNG.sync.read(Buffer.from(png));
    flattened = PNG.sync.write(decoded, {
      colorType: 2,
      inputColorType: 6,
      inputHasAlpha: true,
      bgColor: { red: 255, green: 255, blue: 255 },
    });
  } catch (error) {
    console.warn('the brand logo cannot be read for a statement; printed without it:', error);
    flattened = null;
  }
  if (logos.size >= 16) logos.clear();
  logos.set(key, flattened);
  return flattened;
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b5b5b5';
const HEAD_FILL = '#eeeeee';
const DEFAULT_ACCENT = '#1f5fa8';
const PAGE_MARGIN = 50;

/** What the result column says: met or missed, or why there is no figure. */
export function resultWords(evaluation: EvaluationResult): string {
  switch (evaluation.status) {
    case 'not-monitored':
      return 'No data — not monitored';
    case 'not-covered':
      return 'Not covered';
    case 'no-eligible-time':
      return 'No eligible time';
    case 'evaluated': {
      const result = evaluation.met ? 'Met' : 'Missed';
      return evaluation.unmonitoredMs > 0 ? `${result} (partially measured)` : result;
    }
  }
}

/** The availability as the API displays it (floored), or a dash without a figure. */
export function availabilityText(evaluation: EvaluationResult): string {
  return evaluation.availabilityDisplay === null ? '—' : `${evaluation.availabilityDisplay} %`;
}

/** Downtime in h:mm; a dash where nothing was measured. */
export function downtimeText(evaluation: EvaluationResult): string {
  return evaluation.status === 'not-monitored' || evaluation.status === 'not-covered'
    ? '—'
    : hoursMinutes(evaluation.downtimeMs);
}

/** Whether the month had not ended at the statement's as-of instant: its figures may change. */
function soFar(item: StatementItem): boolean {
  return Date.parse(item.asOf) < Date.parse(item.period.end);
}

/** `1 Oct 2026, 00:00 (-04:00) – 1 Nov 2026, 00:00 (-04:00)`: the end is exclusive. */
function periodText(span: { start: string; end: string }, zone: string): string {
  const start = localDateTimeText(span.start, zone);
  const end = localDateTimeText(span.end, zone);
  return `${start} (${offsetAt(span.start, zone)}) – ${end} (${offsetAt(span.end, zone)})`;
}

export interface PdfOptions {
  /** The statement is for staff reading a customer's (a different title line). */
  forStaff?: boolean;
}

/**
 * The statement as PDF bytes: a function of the document alone (no request, no clock), so that
 * a run over every customer (issue 17) can file the same bytes the portal serves.
 */
export async function renderStatementPdf(
  document: StatementDocument,
  options: PdfOptions = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of statementPdf(document, options)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The statement as a PDF byte stream (pdfkit is loaded by the first one). */
export function statementPdf(document: StatementDocument, options: PdfOptions = {}): Readable {
  if (kit !== undefined) return pdfStream(kit, document, options);
  return Readable.from(
    (async function* () {
      yield* pdfStream(await loadPdfKit(), document, options);
    })(),
    { objectMode: false },
  );
}

function pdfStream(pdfKit: PdfKit, document: StatementDocument, options: PdfOptions): Readable {
  const { PDFDocument, PNG } = pdfKit;
  const { regular, bold } = pdfKit.fonts;
  const coverage = regular;
  const asOf = new Date(document.generatedAt);
  const customerZone = document.customer.timeZone;
  const accent = document.provider.accentColor ?? DEFAULT_ACCENT;
  let replacedAny = false;
  const t = (text: string) => {
    const result = printable(text, coverage);
    replacedAny ||= result.replaced;
    return result.text;
  };
  const title =
    document.kind === 'month'
      ? `Service level statement — ${monthName(document.period)}`
      : `Service level statement — year ${document.period}`;

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: `${t(title)} — ${t(document.customer.name)}`,
      Author: t(document.provider.productName),
      Subject: `Availability, service credits and claims for ${document.period}`,
      Creator: t(document.provider.productName),
      CreationDate: asOf,
      ModDate: asOf,
    },
  });
  // The family names the font when pdfkit's tables set it back after a cell (by its source,
  // here a parsed font, not a name): with it, pdfkit finds the font it already has; without
  // it, every cell embedded the font anew and compared it to the others (a statement run
  // spent most of its time there).
  doc.registerFont('body', regular, 'body');
  doc.registerFont('bold', bold, 'bold');
  const width = doc.page.width - 2 * PAGE_MARGIN;

  const heading = (text: string, size = 12) => {
    if (doc.y > doc.page.height - PAGE_MARGIN - 80) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(size).fillColor(INK).text(text, { width });
    doc.moveDown(0.2).font('body').fontSize(9);
  };
  const paragraph = (text: string, color = INK) => {
    doc.font('body').fontSize(9).fillColor(color).text(text, { width });
  };
  const table = (header: string[], rows: string[][], widths: number[]) => {
    doc.moveDown(0.3).font('body').fontSize(8.5).fillColor(INK);
    doc.table({
      columnStyles: widths,
      rowStyles: (row) =>
        row === 0 ? { backgroundColor: HEAD_FILL, borderColor: RULE } : { borderColor: RULE },
      defaultStyle: { padding: [3, 4], border: 0.5 },
      data: [header.map((text) => ({ text, font: { src: 'bold' }, type: 'TH' as const })), ...rows],
    });
    doc.x = PAGE_MARGIN;
    doc.moveDown(0.4);
  };

  // The provider's brand.
  const logo =
    document.provider.logoPng === null ? null : logoForPdf(PNG, document.provider.logoPng);
  const top = doc.y;
  let nameX = PAGE_MARGIN;
  if (logo !== null) {
    doc.image(logo, PAGE_MARGIN, top, { fit: [120, 36] });
    nameX = PAGE_MARGIN + 130;
  }
  doc
    .font('bold')
    .fontSize(16)
    .fillColor(accent)
    .text(t(document.provider.productName), nameX, top + 8, {
      width: width - (nameX - PAGE_MARGIN),
    });
  doc.x = PAGE_MARGIN;
  doc.y = Math.max(doc.y, top + 40);
  doc
    .moveTo(PAGE_MARGIN, doc.y)
    .lineTo(PAGE_MARGIN + width, doc.y)
    .lineWidth(2)
    .strokeColor(accent)
    .stroke();
  doc.moveDown(0.8);

  doc.font('bold').fontSize(18).fillColor(INK).text(title, { width });
  doc.moveDown(0.3);
  const facts: [string, string][] = [
    ['Customer', t(document.customer.name)],
    [
      'As of',
      `${localDateTimeText(asOf.getTime(), customerZone)} (${customerZone}, ${offsetAt(asOf.getTime(), customerZone)})`,
    ],
    [
      'Figures',
      document.inProgress
        ? 'So far: a month of this statement has not ended, its figures change until it does.'
        : 'The months have ended. Figures decided on a claim are final; others change only if a window is corrected.',
    ],
  ];
  if (document.monthsNotBegun.length > 0) {
    const names = document.monthsNotBegun.map(monthName);
    facts.push([
      'Not begun',
      `${names.length === 1 ? names[0] : `${names[0]} – ${names.at(-1)}`}: no figures yet.`,
    ]);
  }
  if (options.forStaff)
    facts.push(['Prepared', 'by staff, from the same figures the customer sees']);
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('bold').fontSize(9).fillColor(INK).text(label, PAGE_MARGIN, y, { width: 80 });
    doc
      .font('body')
      .fontSize(9)
      .text(value, PAGE_MARGIN + 85, y, { width: width - 85 });
    doc.x = PAGE_MARGIN;
  }

  const yearly = document.kind === 'year';
  for (const agreement of document.agreements) {
    const items = document.items.filter((item) => item.agreementId === agreement.id);
    const zone = agreement.timeZone;
    heading(`Agreement #${agreement.id} — ${zone}`);
    const first = items[0];
    const policies = [
      ...new Set(items.map((item) => `${item.policy.name}, version ${item.policy.version}`)),
    ];
    paragraph(
      `Policy: ${t(policies.join('; ') || agreement.policyName)}. In force from ${localDateTimeText(agreement.startMs, zone)}${agreement.endMs === null ? '' : ` until ${localDateTimeText(agreement.endMs, zone)}`}. Months and days are counted in ${zone}.`,
    );
    if (first !== undefined) {
      const last = items.reduce(
        (latest, item) => (item.month > latest.month ? item : latest),
        first,
      );
      const earliest = items.reduce((min, item) => (item.month < min.month ? item : min), first);
      const span = { start: earliest.period.start, end: last.period.end };
      paragraph(`Period: ${periodText(span, zone)}.`);
      // The agreement's zone decides the months; the customer's is how they read them.
      if (zone !== customerZone) {
        paragraph(`In your time zone (${customerZone}): ${periodText(span, customerZone)}.`, MUTED);
      }
    }
    if (items.length > 0) {
      const header = [
        'Service',
        ...(yearly ? ['Month'] : []),
        'Target',
        'Availability',
        'Result',
        'Downtime (h:mm)',
        'Credit',
      ];
      const widths = yearly ? [90, 62, 40, 63, 85, 60, 95] : [130, 50, 65, 98, 62, 90];
      table(
        header,
        items.map((item) => [
          `${t(item.serviceName)} (${item.service})`,
          ...(yearly ? [`${shortMonthName(item.month)}${soFar(item) ? ' (so far)' : ''}`] : []),
          `${item.policy.targetPercent} %`,
          availabilityText(item),
          `${resultWords(item)}${!yearly && soFar(item) ? ' (so far)' : ''}`,
          downtimeText(item),
          moneyText(item.creditMinor, item.currency),
        ]),
        widths,
      );
    }
    // Months of a service with the same notes (a service not yet monitored) share one heading.
    const groups: { service: string; first: string; last: string; notes: string[] }[] = [];
    for (const item of items) {
      const notes = itemNotes(item, t);
      if (notes.length === 0) continue;
      const previous = groups.at(-1);
      if (
        previous !== undefined &&
        previous.service === item.serviceName &&
        previous.notes.join('\n') === notes.join('\n')
      ) {
        previous.last = item.month;
      } else {
        groups.push({ service: item.serviceName, first: item.month, last: item.month, notes });
      }
    }
    for (const group of groups) {
      const months =
        group.first === group.last
          ? monthName(group.first)
          : `${monthName(group.first)} – ${monthName(group.last)}`;
      // A heading is never left alone at the foot of a page.
      if (doc.y > doc.page.height - PAGE_MARGIN - 60) doc.addPage();
      doc
        .font('bold')
        .fontSize(9)
        .fillColor(INK)
        .text(`${t(group.service)}, ${months}`, { width });
      for (const note of group.notes) paragraph(`• ${note}`);
      doc.moveDown(0.3);
    }
    const support = document.support.find((each) => each.agreementId === agreement.id)?.months;
    if (support) {
      const internal = agreement.kind === 'internal';
      if (doc.y > doc.page.height - PAGE_MARGIN - 100) doc.addPage();
      doc.moveDown(0.3).font('bold').fontSize(10).fillColor(INK).text('Support — response times', {
        width,
      });
      const targetPercents = [...new Set(support.map((month) => month.targetPercent ?? 100))];
      paragraph(
        `Policy: ${t([...new Set(support.map((month) => month.policy))].join('; '))}. Each objective must be met by at least ${targetPercents.map(pct).join(' / ')} of the month’s decided requests. Automated replies are recorded and never counted.`,
      );
      const lines = support.flatMap((month) =>
        month.objectives.map((objective) => ({ month, objective })),
      );
      if (lines.length > 0) {
        table(
          [
            ...(yearly ? ['Month'] : []),
            'Priority',
            'Objective',
            'Target',
            'Met / missed / pending',
            'Attained',
            'Result',
          ],
          lines.map(({ month, objective }) => [
            ...(yearly ? [shortMonthName(month.month)] : []),
            objective.priority,
            OBJECTIVE_WORDS[objective.kind],
            objective.targetMinutes === null
              ? '—'
              : `${objective.targetMinutes} min, ${CALENDAR_WORDS[objective.calendar ?? '24x7']}`,
            `${objective.met} / ${objective.missed} / ${objective.pending}`,
            objective.attainmentDisplay === null
              ? '—'
              : `${objective.attainmentDisplay} % of ${pct(objective.targetPercent)}`,
            objective.result === null
              ? 'Not decided'
              : objective.result === 'met'
                ? 'Met'
                : 'Missed',
          ]),
          yearly ? [52, 48, 72, 118, 62, 83, 60] : [45, 85, 125, 85, 90, 65],
        );
      }
      for (const month of support) {
        const parts = [
          month.status === 'not-covered'
            ? 'the agreement did not cover this month'
            : `target ${month.met === null ? 'not judged' : month.met ? 'met' : 'missed'}${month.final ? '' : ' so far'}`,
          internal
            ? 'a report between our own teams: no credit'
            : `support credit ${moneyText(month.creditMinor, month.currency)} (${pct(month.creditPercent)} of the support fee)`,
          `${month.requestCount} ${month.requestCount === 1 ? 'request' : 'requests'}, ${month.automatedResponseCount} automated ${month.automatedResponseCount === 1 ? 'reply' : 'replies'} not counted`,
          month.final
            ? 'final'
            : `not final yet: ${month.pendingCount} pending, the figures change until the month has ended and nothing is pending`,
        ];
        if (month.source === 'decided-claim') {
          parts.push(`official figures decided with claim #${month.claim?.id ?? '?'}`);
        } else if (month.claim !== null) {
          parts.push(`claim #${month.claim.id}: ${CLAIM_STATUS_WORDS[month.claim.status]}`);
        }
        paragraph(`• ${monthName(month.month)}: ${parts.join('; ')}.`);
      }
      doc.moveDown(0.3);
    }
    for (const gap of document.notBegun.filter((each) => each.agreementId === agreement.id)) {
      paragraph(
        `${monthName(gap.month)} has not begun in ${gap.timeZone} (it is ${monthName(gap.currentPeriod)} there): no figures yet.`,
        MUTED,
      );
    }
    for (const gap of document.unavailable.filter((each) => each.agreementId === agreement.id)) {
      paragraph(
        `${gap.service === null ? 'This agreement' : gap.service}: no figures. ${gap.reason}`,
        MUTED,
      );
    }
  }
  if (document.agreements.length === 0) {
    heading('Agreements');
    paragraph(
      `No agreement of yours covered ${yearly ? document.period : monthName(document.period)}.`,
    );
  }

  heading('Claims');
  if (document.claims.length === 0) {
    paragraph(
      `No claim was filed for ${yearly ? `a month of ${document.period}` : monthName(document.period)}.`,
    );
  } else {
    table(
      ['Claim', 'Service', 'Month', 'Status', 'By the rules', 'Approved', 'Invoice'],
      document.claims.map((claim) => [
        `#${claim.id}`,
        t(claim.serviceName),
        monthName(claim.period),
        CLAIM_STATUS_WORDS[claim.status],
        moneyText(claim.computedCreditMinor, claim.currency),
        claim.approvedAmountMinor === null ||
        (claim.status !== 'approved' && claim.status !== 'credited')
          ? '—'
          : moneyText(claim.approvedAmountMinor, claim.currency),
        claim.invoiceReference === null ? '—' : t(claim.invoiceReference),
      ]),
      [38, 97, 72, 55, 74, 74, 85],
    );
  }

  heading('Totals per currency');
  if (document.totals.length === 0) {
    paragraph('No amounts.');
  } else {
    table(
      [
        'Currency',
        'Availability credits',
        'Support credits',
        'All credits under the rules',
        'Approved on claims',
        'Credited on invoices',
      ],
      document.totals.map((total) => [
        total.currency,
        moneyText(total.availabilityCreditMinor, total.currency),
        moneyText(total.supportCreditMinor, total.currency),
        moneyText(total.creditMinor, total.currency),
        moneyText(total.approvedMinor, total.currency),
        moneyText(total.creditedMinor, total.currency),
      ]),
      [55, 85, 80, 95, 90, 90],
    );
  }

  heading('How to verify these figures');
  const months = document.months;
  const query =
    document.kind === 'month'
      ? `period=${document.period}`
      : `from=${months[0] ?? `${document.period}-01`}&to=${months.at(-1) ?? `${document.period}-12`}`;
  paragraph(
    `Every window counted or ignored, with the reason, is listed per service and month in the portal at ${document.portalOrigin}/account/${document.kind === 'month' ? `?month=${document.period}` : ''}, and through the API: GET /api/v1/me/availability?${query}. The CSV and JSON statements carry the same figures; the JSON keeps exact milliseconds, minor units and UTC times.`,
  );
  if (document.support.some((section) => section.months !== null)) {
    paragraph(
      `Support figures, with each request, its times and the automated replies that were not counted, are listed in the portal and through the API: GET /api/v1/me/support?period=YYYY-MM.`,
    );
  }
  paragraph(
    'Availability is shown floored to three decimals, as the API displays it; downtime is rounded up to the whole minute; amounts are in the currency’s major units. Credits are computed exactly and rounded once, half up.',
    MUTED,
  );
  if (replacedAny) {
    paragraph(
      'Characters this document’s font cannot print are written as their Unicode code point, e.g. [U+5C71]; the CSV and JSON statements carry the text exactly.',
      MUTED,
    );
  }

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const footer = `${t(document.provider.productName)} · ${t(document.customer.name)} · statement ${document.period} · page ${index + 1} of ${range.count}`;
    // Below the bottom margin: lift it for the footer, or pdfkit starts a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(footer, PAGE_MARGIN, doc.page.height - PAGE_MARGIN + 15, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return doc;
}

const OBJECTIVE_WORDS = { firstResponse: 'First response', resolution: 'Resolution' } as const;
const CALENDAR_WORDS = { '24x7': 'round the clock', business: 'business hours' } as const;
const pct = (value: number) => `${String(value)} %`;

/** The lines under a service's month: the credit's rule, unmeasured time, corrections, claim. */
function itemNotes(item: StatementItem, t: (text: string) => string): string[] {
  const zone = item.timeZone;
  const notes: string[] = [];
  if (item.status === 'not-monitored') {
    notes.push(
      `No data — not monitored: monitoring of this service began on ${localDateTimeText(item.monitoredSince, zone)}. None of the month counts as available and the target is not judged.`,
    );
  } else if (item.status === 'evaluated' && item.unmonitoredMs > 0) {
    notes.push(
      `Partially measured: ${hoursMinutes(item.unmonitoredMs)} (h:mm) not measured, before monitoring began on ${localDateTimeText(item.monitoredSince, zone)}; the figures cover the measured time only.`,
    );
  }
  if (item.creditMinor > 0 || item.creditRule !== null) {
    if (item.creditMinor > 0 || item.met === false) notes.push(`Credit: ${item.creditRuleText}`);
  }
  if (item.source === 'decided-claim') {
    notes.push(
      `Official figures: decided with claim #${item.claim?.id ?? '?'}; they stand even if windows are corrected later.`,
    );
  }
  if (item.correction) {
    notes.push(
      `A later correction of the windows gives ${availabilityText(item.correction)}, downtime ${downtimeText(item.correction)}, credit ${moneyText(item.correction.creditMinor, item.currency)}; the decided figures stand.`,
    );
  }
  if (item.claim !== null && item.source !== 'decided-claim') {
    notes.push(`Claim #${item.claim.id}: ${CLAIM_STATUS_WORDS[item.claim.status]}.`);
  }
  return notes.map(t);
}
