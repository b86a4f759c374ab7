import { useEffect } from "react";
import { Link } from "react-router";

import { PageHeader } from "../components/PageHeader";
import { recordVisit } from "../lib/measurement/productEvents";
import { currentPath, signInUrl } from "../lib/signIn";

/** Show the start page of a visitor who is not signed in. */
export function Landing() {
  useEffect(recordVisit, []);

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <PageHeader title="Get paid for your invoices now, not in 90 days" />
        <p>
          Hundi connects India's small and medium enterprises with banks and NBFCs that
          finance unpaid invoices. Upload an invoice, compare offers side by side with
          every fee shown, and receive the money in your bank account.
        </p>
        <div className="button-row">
          <a className="button" href={signInUrl(currentPath())}>
            Sign in
          </a>
          <Link className="button button-secondary" to="/register">
            Register your business
          </Link>
        </div>
      </section>
      <section aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <ol>
          <li>Register your business and complete KYC with your PAN and GSTIN.</li>
          <li>
            Add invoices: type one in with its PDF, import an e-invoice or a CSV file.
          </li>
          <li>Apply for financing and accept the offer that suits you best.</li>
        </ol>
      </section>
    </>
  );
}
