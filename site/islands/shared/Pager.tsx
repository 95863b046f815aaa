/**
 * Previous / next for a cursor-paged list. `cursors` is the stack of cursors that led to the
 * page shown (the first page's is undefined).
 */
export function Pager(props: {
  cursors: (string | undefined)[];
  nextCursor: string | null;
  onChange: (cursors: (string | undefined)[]) => void;
}) {
  const { cursors, nextCursor } = props;
  if (cursors.length <= 1 && nextCursor === null) return null;
  return (
    <div class="pager">
      {cursors.length > 1 ? (
        <button
          type="button"
          class="secondary"
          onClick={() => props.onChange(cursors.slice(0, -1))}
        >
          ← Previous page
        </button>
      ) : (
        <span />
      )}
      {nextCursor !== null && (
        <button
          type="button"
          class="secondary"
          onClick={() => props.onChange([...cursors, nextCursor])}
        >
          Next page →
        </button>
      )}
    </div>
  );
}
