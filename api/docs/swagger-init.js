// Starts the API reference (swagger-ui-dist) on /api/v1/docs. A file of its own, because
// the page's Content-Security-Policy allows no inline script.
//
// The browser sends the session cookie and the Origin header by itself, but the curl command
// the reference shows after "Execute" would leave both out, and pasted into a terminal a
// signed-in write would fail with 403. So every command carries a cookie jar (`-b` reads
// it, `-c` keeps it current: the sign-in's session, its rotation, the sign-out) and the
// portal's origin, which the page names in a meta tag (the first of PORTAL_ORIGIN).
const COOKIE_JAR = 'cookies.txt';

function portalOrigin() {
  const meta = document.querySelector('meta[name="portal-origin"]');
  return meta?.getAttribute('content') || window.location.origin;
}

window.addEventListener('load', () => {
  const origin = portalOrigin();
  window.ui = window.SwaggerUIBundle({
    url: new URL('openapi.json', document.baseURI).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // No call to the public validator service: the page talks to this API only.
    validatorUrl: null,
    withCredentials: true,
    // Only the command shown uses curlOptions; the browser's own request is unchanged.
    requestInterceptor: (request) => {
      request.curlOptions = ['-b', COOKIE_JAR, '-c', COOKIE_JAR, '-H', `Origin: ${origin}`];
      return request;
    },
  });
});
