import type { MailBrand } from './brand.ts';

/**
 * Every message the portal sends, in one layout: plain text and HTML carrying the same
 * words, in the provider's brand. Pure functions: the outbox renders a message once, when
 * the event happens, and the staff console shows exactly what was (or will be) sent.
 */

export interface MailLink {
  label: string;
  url: string;
}

export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Label and value pairs (a claim's amount, an incident's components). */
  facts?: [string, string][];
  /** The one thing to do, as a button (and its address written out for plain text). */
  action?: MailLink;
  /** Said after the action: how long a link works, what to do if it was not you. */
  after?: string[];
  /** Why the person gets this message, and the links to change that. */
  footer: { reason: string; links?: MailLink[] };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A subject is one line: headers cannot hold line breaks, and long ones get cut by clients. */
function oneLine(text: string, max = 180): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const FONT = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';
const FG = '#1f2328';
const MUTED = '#59636e';
const BORDER = '#d1d9e0';

function paragraphHtml(text: string): string {
  const lines = text.split('\n').map(escapeHtml).join('<br>');
  return `<p style="margin:0 0 16px">${lines}</p>`;
}

function linkHtml(link: MailLink): string {
  return `<a href="${escapeHtml(link.url)}" style="color:${FG}">${escapeHtml(link.label)}</a>`;
}

export function renderMail(brand: MailBrand, content: MailContent): RenderedMail {
  const subject = oneLine(content.subject);
  const text = [
    brand.productName,
    '',
    content.heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.facts && content.facts.length > 0
      ? [...content.facts.map(([label, value]) => `${label}: ${value}`), '']
      : []),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ''] : []),
    ...(content.after ?? []).flatMap((paragraph) => [paragraph, '']),
    '--',
    content.footer.reason,
    ...(content.footer.links ?? []).map((link) => `${link.label}: ${link.url}`),
    ...(brand.supportEmail ? [`Support: ${brand.supportEmail}`] : []),
    ...(brand.supportUrl ? [`Help: ${brand.supportUrl}`] : []),
    ...(brand.footerText ? [brand.footerText] : []),
    '',
  ].join('\n');

  const facts =
    content.facts && content.facts.length > 0
      ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${content.facts
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;color:${MUTED};font-weight:600;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join('')}</table>`
      : '';
  const action = content.action
    ? `<p style="margin:8px 0 16px"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:${brand.accentColor};color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:${MUTED}">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(content.action.url)}</span></p>`
    : '';
  const footerLinks = (content.footer.links ?? []).map(linkHtml).join(' · ');
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:#f6f8fa;color:${FG};font-family:${escapeHtml(FONT)}">`,
    '<table role="presentation" width="100%" style="border-collapse:collapse;background:#f6f8fa">',
    '<tr><td align="center" style="padding:24px 12px">',
    `<table role="presentation" width="100%" style="border-collapse:collapse;max-width:560px;background:#ffffff;border:1px solid ${BORDER};border-radius:8px">`,
    `<tr><td style="padding:16px 24px;border-bottom:4px solid ${brand.accentColor};font-size:16px;font-weight:600">${
      brand.logoUrl
        ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="24" style="height:24px;vertical-align:middle;margin-right:8px">`
        : ''
    }${escapeHtml(brand.productName)}</td></tr>`,
    `<tr><td style="padding:24px;font-size:16px;line-height:1.5">`,
    `<h1 style="font-size:20px;line-height:1.3;margin:0 0 16px">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map(paragraphHtml),
    facts,
    action,
    ...(content.after ?? []).map(paragraphHtml),
    '</td></tr>',
    `<tr><td style="padding:16px 24px;border-top:1px solid ${BORDER};font-size:13px;line-height:1.5;color:${MUTED}">`,
    `<p style="margin:0 0 8px">${escapeHtml(content.footer.reason)}</p>`,
    footerLinks ? `<p style="margin:0">${footerLinks}</p>` : '',
    brand.supportEmail
      ? `<p style="margin:8px 0 0">Support: <a href="mailto:${escapeHtml(brand.supportEmail)}" style="color:${FG}">${escapeHtml(brand.supportEmail)}</a></p>`
      : '',
    brand.supportUrl
      ? `<p style="margin:8px 0 0">Help: <a href="${escapeHtml(brand.supportUrl)}" style="color:${FG}">${escapeHtml(brand.supportUrl)}</a></p>`
      : '',
    brand.footerText ? `<p style="margin:8px 0 0">${escapeHtml(brand.footerText)}</p>` : '',
    '</td></tr>',
    '</table>',
    '</td></tr>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
