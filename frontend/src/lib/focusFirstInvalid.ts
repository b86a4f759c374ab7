/**
 * Move focus to the first field a form marks invalid, once React has drawn
 * the errors, so keyboard and screen-reader users land on the first problem.
 */
export function focusFirstInvalid(form: HTMLFormElement): void {
  requestAnimationFrame(() => {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
