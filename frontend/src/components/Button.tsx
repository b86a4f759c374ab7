import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "light";

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  busy?: boolean;
}

/** Show a button of the design system; `busy` disables it while a request runs. */
export function Button({
  variant = "primary",
  busy = false,
  className,
  disabled,
  type = "button",
  children,
  ...rest
}: ButtonProps) {
  const classes = [
    "button",
    variant === "primary" ? "" : `button-${variant}`,
    className,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {children}
    </button>
  );
}
