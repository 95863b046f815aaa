import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  AA_TEXT_CONTRAST,
  checkAccent,
  DARK_BACKGROUNDS,
  LIGHT_BACKGROUNDS,
  normaliseHex,
  ratioText,
} from '../../../../api/pure/brand-colour.ts';
import { apiClient, call, type components } from '../../../lib/api-client.ts';
import { supportLinks } from '../../../lib/brand.ts';
import type { ApiError } from '../../../lib/client.ts';
import { Field } from '../../shared/Field.tsx';
import { zonedDateTime } from '../../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../../shared/messages.tsx';
import { PortalBar } from '../../shared/PortalBar.tsx';
import { STAFF_LINKS } from '../../shared/portal-links.ts';
import { SessionGate } from '../../shared/SessionGate.tsx';
import { useApiQuery } from '../../shared/use-api-query.ts';
import { AdminTrail } from './AdminTrail.tsx';
import { problemsFromIssues } from './policy-form.tsx';

/**
 * `/staff/admin/brand/`: the product name, logo, accent colour, support contact and footer the
 * pages show, with a live preview on a light and a dark page. The public site shows a saved
 * change after its next rebuild (within about a minute).
 */
export default function BrandApp() {
  return (
    <SessionGate area="staff" signInTitle="Staff sign-in">
      {(user, signOut) => (
        <>
          <PortalBar
            user={user}
            signOut={signOut}
            links={STAFF_LINKS(user, '/staff/admin/brand/')}
          />
          {user.role !== 'admin' ? (
            <>
              <h1>Brand</h1>
              <p>The brand settings are for admins. Your role is {user.role}.</p>
            </>
          ) : (
            <Brand />
          )}
        </>
      )}
    </SessionGate>
  );
}

type BrandDto = components['schemas']['Brand'];

interface Draft {
  productName: string;
  /** Use the portal's built-in colours instead of an accent. */
  builtIn: boolean;
  accentColor: string;
  supportUrl: string;
  supportEmail: string;
  footerText: string;
}

const BUILT_IN_ACCENT = { light: '#0550ae', dark: '#79c0ff' };
const LOGO_MAX_BYTES = 100 * 1024;

function draftOf(brand: BrandDto): Draft {
  return {
    productName: brand.productName,
    builtIn: brand.accent === null,
    accentColor: brand.accent?.color ?? BUILT_IN_ACCENT.light,
    supportUrl: brand.support.url ?? '',
    supportEmail: brand.support.email ?? '',
    footerText: brand.footerText ?? '',
  };
}

function Brand() {
  const brand = useApiQuery((signal) => call(apiClient.GET('/brand', { signal })), []);
  // Each write answers with the whole brand, so the screen takes it from there instead of
  // reading it again; the form is not remounted, so a logo chosen meanwhile is kept.
  const [latest, setLatest] = useState<BrandDto | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (brand.error) return <ErrorMessage error={brand.error} />;
  const shown = latest ?? brand.data;
  if (shown === null) return <Loading what="Loading the brand" />;
  return (
    <BrandForm
      brand={shown}
      saved={saved}
      onSaved={(message, written) => {
        setSaved(message);
        setLatest(written);
      }}
    />
  );
}

function BrandForm(props: {
  brand: BrandDto;
  saved: string | null;
  onSaved: (message: string, written: BrandDto) => void;
}) {
  const { brand } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(brand));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  const hex = normaliseHex(draft.accentColor);
  const check = !draft.builtIn && hex !== null ? checkAccent(hex) : null;
  const previewAccent = check === null ? BUILT_IN_ACCENT : { light: check.color, dark: check.dark };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.productName.trim() === '') found.productName = 'Enter the product’s name.';
    if (!draft.builtIn && hex === null) {
      found.accentColor = 'Enter a colour in hex, such as #0b5cad.';
    } else if (check && !check.passes) {
      found.accentColor = `Too light for text and buttons on the light page: ${ratioText(check.lightContrast)}, where at least 4.50:1 is needed (WCAG AA). Try ${check.suggestion}.`;
    }
    if (
      draft.supportUrl.trim() !== '' &&
      !/^https?:\/\/[^\s/]+\.\S+$/i.test(draft.supportUrl.trim())
    ) {
      found.supportUrl = 'Enter a web address starting with https://.';
    }
    if (
      draft.supportEmail.trim() !== '' &&
      !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.supportEmail.trim())
    ) {
      found.supportEmail = 'Enter an email address, such as support@example.com.';
    }
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      const written = await call(
        apiClient.PATCH('/staff/brand', {
          body: {
            productName: draft.productName.trim(),
            accentColor: draft.builtIn ? null : hex,
            supportUrl: draft.supportUrl.trim() || null,
            supportEmail: draft.supportEmail.trim() || null,
            footerText: draft.footerText.trim() || null,
          },
        }),
      );
      // The form shows what was stored (trimmed, the accent normalised).
      setDraft(draftOf(written));
      props.onSaved(
        'Saved. The signed-in pages show it on their next load; the public site after its next rebuild, within about a minute.',
        written,
      );
    } catch (caught) {
      const apiError = asApiError(caught);
      setProblems(problemsFromIssues(apiError.issues));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AdminTrail here="Brand" />
      <h1>Brand</h1>
      <p class="lead">
        What every page shows: the product’s name and logo, the accent colour, where to get help,
        and a line at the foot of the page.
        {brand.updatedAt && ` Last saved ${zonedDateTime(brand.updatedAt, 'UTC')} UTC.`}
      </p>
      <div role="status">{props.saved && <p class="notice">{props.saved}</p>}</div>
      <div class="two-columns">
        <form class="form" ref={form} onSubmit={submit} noValidate aria-label="Brand settings">
          {error && <ErrorMessage error={error} focus />}
          <Field
            id="brand-productName"
            label="Product name"
            hint="In every page’s title and header, e.g. “Northwind Cloud status”."
            problem={problems.productName}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                maxLength={60}
                autocomplete="off"
                value={draft.productName}
                onInput={(event) => set({ productName: event.currentTarget.value })}
              />
            )}
          </Field>
          <fieldset>
            <legend>Accent colour</legend>
            <p class="check">
              <input
                id="brand-builtIn"
                type="checkbox"
                checked={draft.builtIn}
                onChange={(event) => set({ builtIn: event.currentTarget.checked })}
              />
              <label for="brand-builtIn">Use the portal’s built-in colours</label>
            </p>
            {!draft.builtIn && (
              <>
                <div class="filters">
                  <Field
                    id="brand-accentColor"
                    label="Colour (hex)"
                    hint="Buttons, links in the console, the focus ring and the header’s stripe."
                    problem={problems.accentColor}
                  >
                    {(aria) => (
                      <input
                        {...aria}
                        type="text"
                        autocomplete="off"
                        spellcheck={false}
                        value={draft.accentColor}
                        onInput={(event) => set({ accentColor: event.currentTarget.value })}
                      />
                    )}
                  </Field>
                  <Field id="brand-accentPicker" label="Pick">
                    {(aria) => (
                      <input
                        {...aria}
                        type="color"
                        value={hex ?? '#000000'}
                        onInput={(event) => set({ accentColor: event.currentTarget.value })}
                      />
                    )}
                  </Field>
                </div>
                <ContrastReport check={check} onUse={(colour) => set({ accentColor: colour })} />
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>Support</legend>
            <p class="hint">
              Shown in every page’s footer and with error messages. Either or both.
            </p>
            <Field
              id="brand-supportUrl"
              label="Support page (web address)"
              problem={problems.supportUrl}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="url"
                  autocomplete="off"
                  placeholder="https://help.example.com"
                  value={draft.supportUrl}
                  onInput={(event) => set({ supportUrl: event.currentTarget.value })}
                />
              )}
            </Field>
            <Field id="brand-supportEmail" label="Support email" problem={problems.supportEmail}>
              {(aria) => (
                <input
                  {...aria}
                  type="email"
                  autocomplete="off"
                  value={draft.supportEmail}
                  onInput={(event) => set({ supportEmail: event.currentTarget.value })}
                />
              )}
            </Field>
          </fieldset>
          <Field
            id="brand-footerText"
            label="Footer text"
            hint="Plain text, at most 500 characters: a company name and address, say."
            problem={problems.footerText}
          >
            {(aria) => (
              <textarea
                {...aria}
                rows={3}
                maxLength={500}
                value={draft.footerText}
                onInput={(event) => set({ footerText: event.currentTarget.value })}
              />
            )}
          </Field>
          <p class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save the brand'}
            </button>
          </p>
        </form>
        <div>
          <h2 id="brand-preview-title">Preview</h2>
          <p class="meta">As the pages will show it, on a light and on a dark screen.</p>
          <BrandPreview draft={draft} accent={previewAccent} logoUrl={brand.logo?.url ?? null} />
          <LogoForm brand={brand} onSaved={props.onSaved} />
        </div>
      </div>
    </>
  );
}

function ContrastReport(props: {
  check: ReturnType<typeof checkAccent> | null;
  onUse: (colour: string) => void;
}) {
  const { check } = props;
  if (check === null) return null;
  return (
    <div class="contrast" aria-live="polite">
      <p>
        <Swatch colour={check.color} /> On light pages: {ratioText(check.lightContrast)} against the
        page{' '}
        {check.passes ? (
          <strong>— passes WCAG AA ({AA_TEXT_CONTRAST}:1).</strong>
        ) : (
          <strong>— too light: text and buttons need {AA_TEXT_CONTRAST}:1 (WCAG AA).</strong>
        )}
      </p>
      {!check.passes && check.suggestion && (
        <p>
          <Swatch colour={check.suggestion} /> {check.suggestion} is the nearest darker shade that
          passes.{' '}
          <button
            type="button"
            class="secondary small"
            onClick={() => props.onUse(check.suggestion ?? '')}
          >
            Use {check.suggestion}
          </button>
        </p>
      )}
      <p>
        <Swatch colour={check.dark} /> On dark pages:{' '}
        {check.adjustedForDark
          ? `${check.dark}, a lighter shade of it (${ratioText(check.darkContrast)}), since the colour itself would be too dark there.`
          : `the colour itself (${ratioText(check.darkContrast)}).`}
      </p>
    </div>
  );
}

/** A small square of a colour, set through the CSSOM (the CSP forbids style attributes). */
function Swatch(props: { colour: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    ref.current?.style.setProperty('--swatch', props.colour);
  }, [props.colour]);
  return <span class="swatch" ref={ref} aria-hidden="true" />;
}

function SchemeSample(props: {
  scheme: 'light' | 'dark';
  accent: string;
  draft: Draft;
  logoUrl: string | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Custom properties through the CSSOM: a style attribute would need 'unsafe-inline'.
    ref.current?.style.setProperty('--sample-accent', props.accent);
    ref.current?.style.setProperty(
      '--sample-on-accent',
      props.scheme === 'light' ? LIGHT_BACKGROUNDS[0] : DARK_BACKGROUNDS[0],
    );
  }, [props.accent, props.scheme]);
  const support = supportLinks({
    url: props.draft.supportUrl.trim() || null,
    email: props.draft.supportEmail.trim() || null,
  });
  return (
    <div class={`scheme scheme-${props.scheme}`} ref={ref} data-scheme={props.scheme}>
      <p class="sample-header">
        {props.logoUrl ? (
          <img src={props.logoUrl} alt="" height={32} />
        ) : (
          <img src="/favicon.svg" alt="" width={24} height={24} />
        )}
        <span>{props.draft.productName.trim() || 'Service status'}</span>
      </p>
      <span class="sample-button">A button</span>
      {support.length > 0 && (
        <p class="sample-footer">
          Need help? Contact support: {support.map((link) => link.label).join(' · ')}
        </p>
      )}
      {props.draft.footerText.trim() && (
        <p class="sample-footer">{props.draft.footerText.trim()}</p>
      )}
    </div>
  );
}

function BrandPreview(props: {
  draft: Draft;
  accent: { light: string; dark: string };
  logoUrl: string | null;
}) {
  return (
    <section class="brand-preview" aria-labelledby="brand-preview-title">
      <SchemeSample
        scheme="light"
        accent={props.accent.light}
        draft={props.draft}
        logoUrl={props.logoUrl}
      />
      <SchemeSample
        scheme="dark"
        accent={props.accent.dark}
        draft={props.draft}
        logoUrl={props.logoUrl}
      />
    </section>
  );
}

/** The chosen file as base64, without its `data:` prefix. */
function readBase64(file: File): Promise<{ dataUrl: string; base64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ dataUrl, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

function LogoForm(props: {
  brand: BrandDto;
  onSaved: (message: string, written: BrandDto) => void;
}) {
  const { logo } = props.brand;
  const [chosen, setChosen] = useState<{ name: string; dataUrl: string; base64: string } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The file being read: pressing Upload straight after choosing waits for it.
  const reading = useRef<Promise<{ name: string; dataUrl: string; base64: string } | null>>(
    Promise.resolve(null),
  );
  const fileInput = useRef<HTMLInputElement>(null);

  const choose = (file: File | undefined) => {
    reading.current = readChosen(file);
    return reading.current;
  };

  const readChosen = async (file: File | undefined) => {
    setChosen(null);
    setError(null);
    if (!file) return null;
    if (file.type !== 'image/png') {
      setProblem(
        'Choose a PNG image. SVG and other formats are not accepted (an SVG can carry scripts).',
      );
      return null;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setProblem(`The file is ${Math.ceil(file.size / 1024)} KiB; a logo may be at most 100 KiB.`);
      return null;
    }
    setProblem(null);
    const read = { name: file.name, ...(await readBase64(file)) };
    setChosen(read);
    return read;
  };

  const upload = async () => {
    const picked = await reading.current.catch(() => null);
    if (!picked) {
      setProblem('Choose a PNG file first.');
      document.getElementById('brand-logo')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const written = await call(
        apiClient.PUT('/staff/brand/logo', {
          body: { contentType: 'image/png', dataBase64: picked.base64 },
        }),
      );
      // Uploaded: the file is now the logo, no longer a choice waiting to be sent.
      reading.current = Promise.resolve(null);
      setChosen(null);
      if (fileInput.current) fileInput.current.value = '';
      props.onSaved(
        'The logo was uploaded. The public site shows it after its next rebuild.',
        written,
      );
    } catch (caught) {
      const apiError = asApiError(caught);
      setProblem(apiError.issues[0] ? `The file ${apiError.issues[0].message}.` : null);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const written = await call(apiClient.DELETE('/staff/brand/logo', {}));
      props.onSaved(
        'The logo was removed: the pages show the built-in icon after the next rebuild.',
        written,
      );
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="logo-title">
      <h2 id="logo-title">Logo</h2>
      <p>
        {logo
          ? `Now: a PNG of ${logo.widthPx} × ${logo.heightPx} px (${Math.ceil(logo.bytes / 1024)} KiB), shown 32 px high.`
          : 'Now: the built-in icon.'}
      </p>
      {error && !problem && <ErrorMessage error={error} />}
      <Field
        id="brand-logo"
        label="Upload a PNG logo"
        hint="PNG only, at most 100 KiB and 1024 px a side; 64 px high or more looks sharp."
        problem={problem}
      >
        {(aria) => (
          <input
            {...aria}
            ref={fileInput}
            type="file"
            accept="image/png"
            onChange={(event) => void choose(event.currentTarget.files?.[0])}
          />
        )}
      </Field>
      {chosen && (
        <p>
          <img src={chosen.dataUrl} alt={`The chosen logo, ${chosen.name}`} height={32} />{' '}
          {chosen.name}
        </p>
      )}
      <p class="actions">
        <button type="button" onClick={upload} disabled={busy}>
          Upload the logo
        </button>
        {logo && (
          <button type="button" class="secondary" onClick={remove} disabled={busy}>
            Remove the logo
          </button>
        )}
      </p>
    </section>
  );
}
