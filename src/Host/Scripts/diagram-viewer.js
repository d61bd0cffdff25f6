// The workflow diagram of an instance: bpmn-js's NavigatedViewer (zoom with Ctrl+wheel, pan by dragging or with the
// arrow keys once the diagram has focus), with the elements where the instance waits marked. Loaded by the Blazor
// component Ui/Diagram/WorkflowDiagram.razor through JS interop.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram-viewer.css';
import { linkStylesheet } from './link-stylesheet';

/**
 * Draws `xml` into `container` and marks the elements in `waiting` with the class `vp-waiting` and a "Väntar" badge.
 * Returns a handle whose `destroy()` releases the viewer. Throws (a rejected promise) when the XML cannot be drawn.
 *
 * @param {HTMLElement} container
 * @param {string} xml
 * @param {string[]} waiting element ids
 * @param {string} waitingLabel the badge's text
 * @param {string} description the drawing's accessible name: the workflow and where it waits, in words
 * @param {string[]} [done] element ids already completed: the path taken, marked `vp-done`
 */
export async function create(container, xml, waiting, waitingLabel, description, done = []) {
  linkStylesheet('diagram-viewer.css', import.meta.url);
  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    for (const id of done) {
      if (registry.get(id)) {
        canvas.addMarker(id, 'vp-done');
      }
    }
    for (const id of waiting) {
      if (!registry.get(id)) {
        continue; // not drawn (an element without diagram interchange)
      }
      canvas.addMarker(id, 'vp-waiting');
      const badge = document.createElement('span');
      badge.className = 'vp-waiting-badge';
      badge.textContent = waitingLabel;
      // Never smaller than its own size, however far the whole workflow is zoomed out to fit.
      overlays.add(id, 'vp-waiting', { position: { top: -14, left: -6 }, scale: { min: 1 }, html: badge });
    }
    // The svg is focusable (arrow keys pan it), so it carries the name a screen reader announces.
    const svg = container.querySelector('svg');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', description);
    canvas.zoom('fit-viewport', 'auto');
  } catch (e) {
    viewer.destroy();
    throw e;
  }

  return {
    destroy() {
      viewer.destroy();
    },
  };
}
