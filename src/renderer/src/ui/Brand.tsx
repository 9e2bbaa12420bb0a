/** The app's name at the left of the header, on the desk and on the recovery screen. */
import './brand.css';

export function Brand() {
  return (
    <div className="cd-brand">
      <span className="cd-brand__mark" aria-hidden="true">
        ¶
      </span>
      Copydesk
    </div>
  );
}
