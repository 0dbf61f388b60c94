// GOV.UK Frontend components start here rather than in an inline script, so the
// Content-Security-Policy can forbid inline scripts.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
