// Polls the zip's status and reloads the page when it is finished. A static file rather than
// an inline script, so the Content-Security-Policy can forbid inline scripts.
const region = document.getElementById("bundle-progress");
if (region) {
  const poll = async () => {
    try {
      const response = await fetch(region.dataset.statusUrl, { credentials: "same-origin" });
      const status = await response.json();
      if (status.finished) {
        window.location.reload();
        return;
      }
      const progress = region.querySelector("p:nth-of-type(2)");
      if (progress) {
        progress.textContent = `${status.files_done} of ${status.files_total} files added (${status.percent}%).`;
      }
    } catch (error) {
      // A failed poll is retried; the refresh link still works.
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 2000);
}
