import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
} from '../helpers/browser.ts';
import { createCustomer, createUser } from '../helpers/factories.ts';
import { appOn, type SitePortal, siteClock, startSitePortal } from './fixture.ts';

/**
 * A forgotten password in Debian's Chromium: the admin issues a one-time link from the person's
 * page in the console, the person opens it, is told in words why a common password will not do, chooses a
 * good one and signs in with it.
 */

const ADMIN = { email: 'admin@provider.example', password: 'admin console passphrase 4' };
const CUSTOMER = { email: 'ops@customer.example', password: 'customer portal pass 9' };
const NEW_PASSWORD = 'kettle maple orbit twenty';

let site: SitePortal;
let session: BrowserSession;

const clock = siteClock();

beforeAll(async () => {
  [site, session] = await Promise.all([
    startSitePortal({
      clock,
      // People are not on the public pages: the run's demo build serves as it is.
      demoBuild: true,
      arrange: async (db, env) => {
        const t = appOn(db, env, clock);
        const customer = await createCustomer(t, 'Customer', 'UTC');
        await createUser(t, 'customer', { ...CUSTOMER, customerId: customer.id });
        await createUser(t, 'admin', ADMIN);
      },
    }),
    launchBrowser({ clock }),
  ]);
}, 240_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
});

async function openPage(path: string) {
  const page = await (await session.context()).newPage();
  // Shorter than the test's timeout, so a failure names the step that waited.
  page.setDefaultTimeout(10_000);
  const errors = collectPageErrors(page);
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

describe('a forgotten password', () => {
  it('is reset through a one-time link the admin issues, then the person signs in with the new one', async () => {
    const admin = await openPage('/staff/admin/?list=users');
    await admin.page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await admin.page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    // The old address of the users list leads to the users screen.
    await admin.page.getByRole('link', { name: CUSTOMER.email }).click();
    await admin.page
      .getByRole('button', { name: `Reset the password of ${CUSTOMER.email}` })
      .click();
    const link = admin.page.getByLabel(`Reset link for ${CUSTOMER.email}`);
    await expect.poll(() => link.inputValue()).toMatch(/\/account\/reset#token=/);
    const url = await link.inputValue();
    expect(admin.errors).toEqual([]);

    const person = await openPage(new URL(url).pathname + new URL(url).hash);
    // The token leaves the address bar at once.
    await expect.poll(() => person.page.url()).not.toContain('token=');
    await person.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await person.page.getByLabel('New password', { exact: true }).fill('password1234');
    await person.page.getByLabel('New password again').fill('password1234');
    await person.page.getByRole('button', { name: 'Set the new password' }).click();
    await expect
      .poll(() => person.page.getByRole('alert').textContent())
      .toContain('This password is too close to a commonly used password.');
    expect(await axeViolations(person.page)).toEqual([]);

    await person.page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await person.page.getByLabel('New password again').fill(NEW_PASSWORD);
    await person.page.getByRole('button', { name: 'Set the new password' }).click();
    await person.page.getByRole('heading', { name: 'Password changed' }).waitFor();
    await person.page.getByRole('link', { name: 'Sign in' }).click();
    await person.page.getByLabel('Email', { exact: true }).fill(CUSTOMER.email);
    await person.page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await person.page.getByRole('button', { name: 'Sign in' }).click();
    await person.page.getByRole('heading', { name: 'Your service levels' }).waitFor();
    // The API answered the weak password with 400: the browser logs that as a failed load.
    expect(person.errors.filter((error) => !error.includes('400 (Bad Request)'))).toEqual([]);
  });
});
