/** A field's error in plain words, announced as it appears; nothing when there is none. */
export function FieldError({ message, id }: { readonly message: string | null; readonly id?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="cd-field__error" role="alert">
      {message}
    </p>
  );
}
