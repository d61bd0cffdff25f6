// Opens the browser's print dialog for the current page. A module of its own because the Content-Security-Policy
// allows scripts from this Host only: no inline handlers.
export function printPage() {
  window.print();
}
