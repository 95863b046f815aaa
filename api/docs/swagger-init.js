// Starts the API reference (swagger-ui-dist) on /api/v1/docs. A file of its own, because
// the page's Content-Security-Policy allows no inline script.
window.addEventListener('load', () => {
  window.ui = window.SwaggerUIBundle({
    url: new URL('openapi.json', document.baseURI).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // No call to the public validator service: the page talks to this API only.
    validatorUrl: null,
    withCredentials: true,
  });
});
