// A bundle's styles are bundled next to it (x.js, x.css); the page links them once, from this origin, so the
// Content-Security-Policy needs nothing beyond 'self'.
export function linkStylesheet(name, moduleUrl) {
  const href = new URL(`./${name}`, moduleUrl).href;
  if (!document.querySelector(`link[data-bundle-styles][href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.bundleStyles = '';
    document.head.appendChild(link);
  }
}
