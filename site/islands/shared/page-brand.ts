/**
 * The brand as the page was built with it (Base.astro writes it on <body>): the product name
 * for document titles, the support contact for error messages.
 */
export function pageBrand(): {
  productName: string;
  support: { href: string; label: string } | null;
} {
  const data = document.body.dataset;
  return {
    productName: data.productName ?? 'Service status',
    support:
      data.supportHref && data.supportLabel
        ? { href: data.supportHref, label: data.supportLabel }
        : null,
  };
}
