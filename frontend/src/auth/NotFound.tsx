import { Link } from "react-router";

import { PageHeader } from "../components/PageHeader";

/** Show that the app has no page at this path. */
export function NotFound() {
  return (
    <section>
      <PageHeader title="Page not found" />
      <p>There is no page at this address.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}
