// Bundles the Host's browser scripts into ../wwwroot/js (gitignored). `dotnet build` runs this through the
// BundleScripts target in Verkstallighet.Host.csproj; `npm run build` does the same by hand.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

await build({
  absWorkingDir: here,
  entryPoints: ['diagram-viewer.js', 'studio-modeler.js', 'studio-diff.js'],
  outdir: '../wwwroot/js',
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  legalComments: 'eof', // keeps the licence comments of bundled packages
  logLevel: 'warning',
  // bpmn-embedded.css carries the icon font inline (woff); its old-browser fallbacks (eot, svg) are left out.
  loader: { '.eot': 'empty', '.svg': 'empty' },
});
