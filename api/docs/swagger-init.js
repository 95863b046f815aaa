// Starts the API reference (swagger-ui-dist) on /api/v1/docs. A file of its own, because
// the page's Content-Security-Policy allows no inline script.
//
// The browser sends the session cookie and the Origin header by itself, but the curl command
// the reference shows after "Execute" would leave both out, and pasted into a terminal a
// signed-in write would fail with 403. So every command carries a cookie jar (`-b` reads
// it, `-c` keeps it current: the sign-in's session, its rotation, the sign-out) and the
// portal's origin, which the page names in a meta tag (the first of PORTAL_ORIGIN).
const COOKIE_JAR = 'cookies.txt';

/**
 * Swagger UI (5.33 and later) virtualizes its operations list once the tags and the
 * operations shown reach 150 rows: only the rows near the viewport are in the page, so find in
 * page, a screen reader's reading order and a test's locator miss the rest (ADR 146). The
 * threshold is fixed, not an option. So the list is drawn one tag at a time, by Swagger UI's
 * own component: each tag is far below the threshold and its rows are all in the page, laid
 * out exactly as before.
 */
function EveryOperationInThePage() {
  return {
    wrapComponents: {
      operations: (Operations, system) => (props) => {
        const { React } = system;
        const tagged = props.specSelectors.taggedOperations();
        // An empty document keeps Swagger UI's own "No operations defined in spec!".
        if (tagged.size === 0) return React.createElement(Operations, props);
        return React.createElement(
          'div',
          { className: 'operations-by-tag' },
          // The title is an h1 and each tag an h3: the level between them, for the outline.
          React.createElement('h2', { className: 'portal-visually-hidden' }, 'Operations'),
          tagged
            .keySeq()
            .toArray()
            .map((tag) =>
              React.createElement(Operations, {
                ...props,
                key: tag,
                specSelectors: {
                  ...props.specSelectors,
                  taggedOperations: () => tagged.filter((_, name) => name === tag),
                },
              }),
            ),
        );
      },
    },
  };
}

/**
 * What Swagger UI's markup leaves out for assistive technology (ADR 147): landmarks around
 * the page's introduction, its server choice and its authorization; a name for the server
 * choice, for a parameter's list of values, for the request body's editor and for the
 * authorization dialog's close button; and no link inside the button that opens an operation
 * (a control inside a control; the address still follows the open operation, deepLinking).
 */
function NamesAndLandmarks() {
  return {
    wrapComponents: {
      InfoContainer:
        (Info, { React }) =>
        (props) =>
          React.createElement(
            'section',
            { 'aria-label': 'About this API' },
            React.createElement(Info, props),
          ),
      ServersContainer:
        (Servers, { React }) =>
        (props) =>
          React.createElement(
            'section',
            { 'aria-label': 'Server' },
            React.createElement(
              'label',
              { htmlFor: 'servers', className: 'portal-visually-hidden' },
              'Server',
            ),
            React.createElement(Servers, props),
          ),
      AuthorizeBtnContainer:
        (Authorize, { React }) =>
        (props) =>
          React.createElement(
            'section',
            { 'aria-label': 'Authorization' },
            React.createElement(Authorize, props),
          ),
      OperationSummaryPath: (SummaryPath, { React }) => {
        const PathText = ({ text }) => React.createElement('span', null, text);
        return (props) =>
          React.createElement(SummaryPath, {
            ...props,
            getComponent: (name, ...rest) =>
              name === 'DeepLink' ? PathText : props.getComponent(name, ...rest),
          });
      },
      // A choice among listed values is a <select> with no name; the parameter names it.
      JsonSchema_string:
        (StringField, { React }) =>
        (props) =>
          props.schema?.get?.('enum')
            ? React.createElement(
                'label',
                null,
                React.createElement(
                  'span',
                  { className: 'portal-visually-hidden' },
                  props.description || 'Value',
                ),
                React.createElement(StringField, props),
              )
            : React.createElement(StringField, props),
      TextArea:
        (TextArea, { React }) =>
        (props) =>
          React.createElement(TextArea, {
            ...(String(props.className).includes('body-param__text')
              ? { 'aria-label': 'Request body' }
              : {}),
            ...props,
          }),
      CloseIcon:
        (Close, { React }) =>
        (props) =>
          React.createElement(
            React.Fragment,
            null,
            React.createElement(Close, props),
            React.createElement('span', { className: 'portal-visually-hidden' }, 'Close'),
          ),
    },
  };
}

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
    plugins: [EveryOperationInThePage, NamesAndLandmarks],
    // No separate list of schemas: past 100 Swagger UI virtualizes it too (ADR 148), and each
    // operation shows its own request and response schemas where they are used.
    defaultModelsExpandDepth: -1,
    // No call to the public validator service: the page talks to this API only.
    validatorUrl: null,
    // Plain white on dark grey: the highlighting themes colour some words below 4.5:1.
    syntaxHighlight: false,
    withCredentials: true,
    // Only the command shown uses curlOptions; the browser's own request is unchanged.
    requestInterceptor: (request) => {
      request.curlOptions = ['-b', COOKIE_JAR, '-c', COOKIE_JAR, '-H', `Origin: ${origin}`];
      return request;
    },
  });
});
