import type { SessionUser } from './types.ts';

/** Who is signed in, the area's links, and sign-out. */
export function PortalBar(props: {
  user: SessionUser;
  signOut: () => Promise<void>;
  links: { href: string; label: string; current?: boolean }[];
}) {
  return (
    <nav class="portal-bar" aria-label="Account">
      <ul>
        {props.links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      <p class="who">
        <span>
          Signed in as <strong>{props.user.email}</strong>
          {props.user.role !== 'customer' && ` (${props.user.role})`}
        </span>
        <button type="button" class="secondary small" onClick={() => void props.signOut()}>
          Sign out
        </button>
      </p>
    </nav>
  );
}
