import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../components/Button";
import { FormErrors, Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { optionsFrom, SelectField } from "../components/SelectField";
import { TextField } from "../components/TextField";
import type { AcquisitionChannel, Constitution } from "../gql/graphql";
import { describeError } from "../lib/errorMessage";
import { focusFirstInvalid } from "../lib/focusFirstInvalid";
import { CHANNEL_LABELS, CONSTITUTION_LABELS } from "../lib/labels";
import { signInUrl } from "../lib/signIn";
import { CURRENT_STATES } from "../lib/states";
import { useFieldErrors } from "../lib/useFieldErrors";
import { RegisterSmeMutation } from "./mutations";
import { checkRegistration } from "./registrationChecks";

const FIELDS = [
  "legalName",
  "tradeName",
  "constitution",
  "stateCode",
  "industry",
  "fullName",
  "email",
  "phone",
  "password",
  "acquisitionChannel",
  "referralCode",
  "partnerName",
] as const;

type Form = Record<(typeof FIELDS)[number], string>;

const EMPTY: Form = Object.fromEntries(FIELDS.map((key) => [key, ""])) as Form;

const STATE_OPTIONS = CURRENT_STATES.map((state) => ({
  value: state.code,
  label: `${state.code} ${state.name}`,
}));

/** Show the registration of a new SME and its first user, who then signs in. */
export function RegisterSme({ onStarted, onRegistered }: RegisterHooks) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [started, setStarted] = useState(false);
  const [result, register] = useMutation(RegisterSmeMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  // The e-mail address the new user signs in with, once registered.
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);

  function set(key: keyof Form) {
    return (value: string) => {
      if (!started) {
        setStarted(true);
        onStarted?.();
      }
      setForm((current) => ({ ...current, [key]: value }));
      fieldErrors.clearField(key);
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    fieldErrors.clear();
    const problems = checkRegistration(form);
    if (problems.length > 0) {
      fieldErrors.show(problems);
      focusFirstInvalid(formElement);
      return;
    }
    const response = await register({ input: toInput(form) });
    const payload = response.data?.registerSme;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
      focusFirstInvalid(formElement);
    } else if (payload?.sme) {
      setRegisteredEmail(form.email.trim());
      onRegistered?.();
    }
  }

  if (registeredEmail !== null) {
    return <Registered email={registeredEmail} />;
  }

  const errorsOf = fieldErrors.of;
  return (
    <section>
      <PageHeader
        title="Register your business"
        description="It takes a few minutes. You complete KYC after signing in."
      />
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormErrors messages={fieldErrors.errors.general} />
        <h2>Your business</h2>
        <TextField
          id="legalName"
          label="Registered legal name"
          required
          maxLength={200}
          value={form.legalName}
          onChange={set("legalName")}
          errors={errorsOf("legalName")}
        />
        <TextField
          id="tradeName"
          label="Trade name (if different)"
          maxLength={200}
          value={form.tradeName}
          onChange={set("tradeName")}
          errors={errorsOf("tradeName")}
        />
        <SelectField
          id="constitution"
          label="Legal form"
          required
          placeholder="Choose…"
          options={optionsFrom(CONSTITUTION_LABELS)}
          value={form.constitution}
          onChange={set("constitution")}
          errors={errorsOf("constitution")}
        />
        <SelectField
          id="stateCode"
          label="State of the principal place of business"
          required
          placeholder="Choose…"
          options={STATE_OPTIONS}
          value={form.stateCode}
          onChange={set("stateCode")}
          errors={errorsOf("stateCode")}
        />
        <TextField
          id="industry"
          label="Industry"
          required
          maxLength={80}
          hint="Such as textiles, auto components or IT services."
          value={form.industry}
          onChange={set("industry")}
          errors={errorsOf("industry")}
        />
        <h2>You</h2>
        <TextField
          id="fullName"
          label="Full name"
          required
          autoComplete="name"
          value={form.fullName}
          onChange={set("fullName")}
          errors={errorsOf("fullName")}
        />
        <TextField
          id="email"
          label="E-mail address"
          type="email"
          required
          autoComplete="email"
          hint="You sign in with it."
          value={form.email}
          onChange={set("email")}
          errors={errorsOf("email")}
        />
        <TextField
          id="phone"
          label="Mobile number"
          type="tel"
          required
          autoComplete="tel"
          hint="With the country code, such as +919876543210."
          value={form.phone}
          onChange={set("phone")}
          errors={errorsOf("phone")}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          required
          autoComplete="new-password"
          minLength={10}
          maxLength={128}
          hint="10 to 128 characters."
          value={form.password}
          onChange={set("password")}
          errors={errorsOf("password")}
        />
        <h2>How you found us</h2>
        <SelectField
          id="acquisitionChannel"
          label="How did you hear about Hundi?"
          required
          placeholder="Choose…"
          options={optionsFrom(CHANNEL_LABELS)}
          value={form.acquisitionChannel}
          onChange={set("acquisitionChannel")}
          errors={errorsOf("acquisitionChannel")}
        />
        {form.acquisitionChannel === "REFERRAL" ? (
          <TextField
            id="referralCode"
            label="Referral code"
            hint="The code the business that referred you gave you."
            value={form.referralCode}
            onChange={set("referralCode")}
            errors={errorsOf("referralCode")}
          />
        ) : null}
        {form.acquisitionChannel === "PARTNER" ? (
          <TextField
            id="partnerName"
            label="Partner organisation"
            required
            value={form.partnerName}
            onChange={set("partnerName")}
            errors={errorsOf("partnerName")}
          />
        ) : null}
        <div className="button-row">
          <Button type="submit" busy={result.fetching}>
            Register
          </Button>
        </div>
      </form>
    </section>
  );
}

interface RegisterHooks {
  /** Called once, when the visitor first types into the form. */
  onStarted?: () => void;
  /** Called when the registration succeeded. */
  onRegistered?: () => void;
}

/**
 * Say that the business is registered and how to sign in. The sign-in page
 * belongs to the backend and cannot be filled in from here, so the message
 * names the e-mail address to use.
 */
function Registered({ email }: { email: string }) {
  return (
    <section>
      <PageHeader title="Your business is registered" />
      <Notice tone="success" title={`Sign in with ${email}`}>
        <p>
          Use the password you chose. After signing in, you complete KYC with your PAN,
          GSTIN and bank account.
        </p>
        <a className="button" href={signInUrl("/sme/kyc")}>
          Sign in
        </a>
      </Notice>
    </section>
  );
}

function toInput(form: Form) {
  const channel = form.acquisitionChannel as AcquisitionChannel;
  return {
    legalName: form.legalName,
    tradeName: form.tradeName.trim() || null,
    constitution: form.constitution as Constitution,
    stateCode: form.stateCode,
    industry: form.industry,
    fullName: form.fullName,
    email: form.email,
    phone: form.phone,
    password: form.password,
    acquisitionChannel: channel,
    referralCode: channel === "REFERRAL" ? form.referralCode.trim() || null : null,
    partnerName: channel === "PARTNER" ? form.partnerName.trim() || null : null,
  };
}
