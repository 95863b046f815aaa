/**
 * The addresses of the subscription routes that other modules name (the form checks of
 * api/security.ts, links in mail): constants only, so anything may import them.
 */

export const SUBSCRIBE_FORM_PATH = '/subscriptions/form';
export const ONE_CLICK_PATH = '/subscriptions/one-click';

/** Where the form's answers send the browser, on the site. */
export const SUBSCRIBE_SENT_PAGE = '/subscribe/sent/';
export const SUBSCRIBE_PROBLEM_PAGE = '/subscribe/problem/';
export const UNSUBSCRIBE_PAGE = '/subscribe/unsubscribe/';
