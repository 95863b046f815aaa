import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../../lib/client.ts';
import { CLAIM_EVENT_LABELS, CLAIM_STATUS_LABELS, labelOf } from '../../lib/labels.ts';
import { asApiError, ErrorMessage } from './messages.tsx';
import { StatusTag } from './tags.tsx';
import type { ClaimCommentDto, ClaimEventDto } from './types.ts';
import { type Viewer, When } from './zoned.tsx';

/**
 * A claim's trail (every status change, who and when) and its conversation (comments, and
 * for staff the internal notes), with the form to add one. Shared by the customer's claim
 * page and the staff console's; times in the agreement's zone, labelled, and for staff in
 * UTC beside it (zoned.tsx).
 */

function actorName(actor: ClaimEventDto['actor'], viewer: Viewer): string {
  if (actor.kind === 'system') return 'the portal';
  if (actor.kind === 'staff') return viewer === 'customer' ? 'support' : (actor.email ?? 'staff');
  return actor.email ?? 'the customer';
}

/** Status changes only: comments and notes are in the conversation beside it. */
export function Trail(props: { events: ClaimEventDto[]; timeZone: string; viewer: Viewer }) {
  const changes = props.events.filter(
    (event) => event.type !== 'commented' && event.type !== 'noted',
  );
  return (
    <ol class="trail">
      {changes.map((event) => (
        <li key={event.id}>
          <p class="trail-head">
            <strong>{labelOf(CLAIM_EVENT_LABELS, event.type)}</strong>
            {event.toStatus && (
              <>
                {' '}
                <span class="meta">
                  {event.fromStatus ? `${labelOf(CLAIM_STATUS_LABELS, event.fromStatus)} → ` : ''}
                </span>
                <StatusTag
                  status={event.toStatus}
                  label={labelOf(CLAIM_STATUS_LABELS, event.toStatus)}
                />
              </>
            )}
          </p>
          <p class="meta">
            <When at={event.at} timeZone={props.timeZone} viewer={props.viewer} /> by{' '}
            {actorName(event.actor, props.viewer)}
          </p>
          {event.note && <p class="note-text">{event.note}</p>}
        </li>
      ))}
    </ol>
  );
}

export function Conversation(props: {
  comments: ClaimCommentDto[];
  timeZone: string;
  viewer: Viewer;
  /** Adds a comment; resolves when the page has the new list. */
  onAdd: (body: string, internal: boolean) => Promise<void>;
}) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(null);
    if (body.trim() === '') {
      setError(asApiError(new Error('Write a comment first.')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onAdd(body.trim(), internal);
      setBody('');
      setAdded(internal ? 'Internal note added.' : 'Comment added.');
      setInternal(false);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const staff = props.viewer === 'staff';
  return (
    <>
      {props.comments.length === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ol class="comments">
          {props.comments.map((comment) => (
            <li key={comment.id} class={comment.internal ? 'internal' : undefined}>
              <p class="meta">
                {comment.internal && <span class="status status-internal">Internal note</span>}{' '}
                {comment.author.kind === 'staff' && !staff ? 'Support' : comment.author.email},{' '}
                <When at={comment.at} timeZone={props.timeZone} viewer={props.viewer} />
              </p>
              <p class="note-text">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form class="form" onSubmit={submit} noValidate>
        {error && <ErrorMessage error={error} focus />}
        <div class="field">
          <label for="comment-body">{staff ? 'Comment or internal note' : 'Add a comment'}</label>
          <textarea
            id="comment-body"
            rows={3}
            maxLength={5000}
            value={body}
            onInput={(event) => setBody(event.currentTarget.value)}
          />
        </div>
        {staff && (
          <div class="check">
            <input
              id="comment-internal"
              type="checkbox"
              checked={internal}
              onChange={(event) => setInternal(event.currentTarget.checked)}
            />
            <label for="comment-internal">Internal note (the customer never sees it)</label>
          </div>
        )}
        <p class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Adding…' : internal ? 'Add internal note' : 'Add comment'}
          </button>
          <span role="status" class="done">
            {added ?? ''}
          </span>
        </p>
      </form>
    </>
  );
}
