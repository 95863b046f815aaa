/** Where an administration page sits: Administration › Policies › Standard. */
export function AdminTrail(props: { here: string; policies?: boolean }) {
  return (
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <ol>
        <li>
          <a href="/staff/admin/">Administration</a>
        </li>
        {props.policies && (
          <li>
            <a href="/staff/admin/policies/">Policies</a>
          </li>
        )}
        <li aria-current="page">{props.here}</li>
      </ol>
    </nav>
  );
}
