// Studio's modeler: bpmn-js's Modeler with our activities (studio/), the vp moddle extension, and the hooks the Blazor
// page (Ui/Studio/StudioModeler.razor) drives through JS interop: load, read back the XML, select, change properties,
// show the server's validation problems on the elements. The properties panel itself is a Blazor component, so its
// form, its texts and its access checks are the server's.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { is } from 'bpmn-js/lib/util/ModelUtil';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './studio-modeler.css';

import vpModdle from './studio/vp-moddle.json';
import studioModule from './studio/index';
import { apply, describe } from './studio/element-properties';
import { linkStylesheet } from './link-stylesheet';

const CHANGE_DELAY_MS = 300; // one validation per pause in editing, not one per drag step

function importProblem(e) {
  return { error: e.message || String(e), warnings: (e.warnings || []).map(w => w.message || String(w)) };
}

/**
 * Creates the modeler in `container`; `handle.load(xml)` draws a diagram. `options.activities` are the activity
 * descriptors (type, displayName, category, kind, icon: SVG markup). `dotnet` receives SelectionChanged(description |
 * null) and DiagramChanged(). With `options.readOnly` it is a viewer (no palette, nothing to change), for those who
 * may look at a workflow but not edit it. Returns the handle the page calls.
 */
export function create(container, options, dotnet) {
  linkStylesheet('studio-modeler.css', import.meta.url);
  const modeler = options.readOnly
    ? new NavigatedViewer({ container, moddleExtensions: { vp: vpModdle } })
    : new Modeler({
      container,
      moddleExtensions: { vp: vpModdle },
      additionalModules: [studioModule],
      vpActivities: options.activities || [],
    });
  const get = name => modeler.get(name);
  // Looked up when used: a viewer has no modeling, and the handle's editing calls are not made on one.
  const services = {
    get modeling() { return get('modeling'); },
    get bpmnFactory() { return get('bpmnFactory'); },
    get moddle() { return get('moddle'); },
    get canvas() { return get('canvas'); },
  };
  const registry = get('elementRegistry');
  const eventBus = get('eventBus');
  let problemOverlays = [];
  let problemIds = [];
  let changeTimer = null;

  eventBus.on('selection.changed', ({ newSelection }) => {
    const element = newSelection.length === 1 ? newSelection[0] : null;
    dotnet.invokeMethodAsync('SelectionChanged', element ? describe(element) : null);
  });
  eventBus.on('commandStack.changed', () => {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => dotnet.invokeMethodAsync('DiagramChanged'), CHANGE_DELAY_MS);
  });
  // A property changed elsewhere (a label edited on the canvas, undo): the panel shows the element afresh.
  eventBus.on('elements.changed', ({ elements }) => {
    const selected = get('selection').get();
    if (selected.length === 1 && elements.includes(selected[0])) {
      dotnet.invokeMethodAsync('SelectionChanged', describe(selected[0]));
    }
  });

  async function load(text) {
    try {
      const { warnings } = await modeler.importXML(text);
      const svg = container.querySelector('svg');
      if (svg) {
        svg.setAttribute('role', options.readOnly ? 'img' : 'application');
        svg.setAttribute('aria-label', options.description || 'Arbetsflödets diagram');
      }
      services.canvas.zoom('fit-viewport', 'auto');
      return { error: null, warnings: warnings.map(w => w.message || String(w)) };
    } catch (e) {
      return importProblem(e);
    }
  }

  return {
    load,

    /** The diagram as BPMN XML, as bytes, so that .NET reads it as a stream (no message-size limit). */
    async xml() {
      const { xml: text } = await modeler.saveXML({ format: true });
      return new TextEncoder().encode(text);
    },

    elements() {
      return registry
        .filter(e => e.type !== 'label' && !is(e, 'bpmn:Process') && !is(e, 'bpmn:Collaboration') && e.businessObject)
        .map(e => ({ id: e.id, name: e.businessObject.name || '', type: e.type }));
    },

    select(id) {
      const element = registry.get(id);
      if (!element) {
        return false;
      }
      get('selection').select(element);
      if (element.waypoints || element.width) {
        services.canvas.scrollToElement(element);
      }
      return true;
    },

    selectProcess() {
      const root = services.canvas.getRootElement();
      dotnet.invokeMethodAsync('SelectionChanged', describe(root));
    },

    update(id, patch) {
      if (options.readOnly) {
        return;
      }
      const element = id ? registry.get(id) : services.canvas.getRootElement();
      if (element) {
        apply(element, patch, services);
      }
    },

    /** Appends an activity after the element `afterId` (or the selected one) and selects it: the keyboard's way in. */
    appendActivity(type, afterId) {
      const activity = (options.activities || []).find(a => a.type === type);
      const after = registry.get(afterId) || get('selection').get()[0];
      if (!activity || !after || !is(after, 'bpmn:FlowNode')) {
        return null;
      }
      const shape = get('autoPlace').append(after, get('activityShapes').create(activity));
      get('selection').select(shape);
      return shape.id;
    },

    /** Attaches a non-interrupting deadline timer to the task `taskId` and selects it. */
    addDeadlineTimer(taskId) {
      const task = registry.get(taskId);
      if (!task || !is(task, 'bpmn:Activity')) {
        return null;
      }
      const timer = get('activityShapes').createDeadlineTimer();
      const position = { x: task.x + task.width - 10, y: task.y + task.height };
      const shape = services.modeling.createShape(timer, position, task, { attach: true });
      get('selection').select(shape);
      return shape.id;
    },

    /** Marks the (first) process executable: Studio's explicit step for a file from a tool that leaves it off. */
    makeExecutable() {
      const root = services.canvas.getRootElement();
      if (is(root, 'bpmn:Process')) {
        services.modeling.updateProperties(root, { isExecutable: true });
        return root.businessObject.id;
      }
      const participant = (root.children || []).find(c => is(c, 'bpmn:Participant') && c.businessObject.processRef);
      if (participant) {
        services.modeling.updateModdleProperties(participant, participant.businessObject.processRef, { isExecutable: true });
        return participant.businessObject.processRef.id;
      }
      return null;
    },

    /** Shows the server's problems: a red outline and a numbered badge on each element, its messages as the badge's title. */
    problems(list) {
      const overlays = get('overlays');
      for (const id of problemOverlays) {
        overlays.remove(id);
      }
      for (const id of problemIds) {
        if (registry.get(id)) {
          services.canvas.removeMarker(id, 'vp-problem');
        }
      }
      problemOverlays = [];
      problemIds = [];
      const byElement = new Map();
      for (const problem of list) {
        if (problem.elementId && registry.get(problem.elementId)) {
          byElement.set(problem.elementId, [...(byElement.get(problem.elementId) || []), problem.message]);
        }
      }
      for (const [id, messages] of byElement) {
        services.canvas.addMarker(id, 'vp-problem');
        const badge = document.createElement('span');
        badge.className = 'vp-problem-badge';
        badge.dataset.problemFor = id;
        badge.title = messages.join('\n');
        badge.textContent = messages.length === 1 ? '!' : String(messages.length);
        problemOverlays.push(overlays.add(id, 'vp-problem', { position: { top: -10, right: 10 }, scale: { min: 1 }, html: badge }));
        problemIds.push(id);
      }
      return byElement.size;
    },

    destroy() {
      clearTimeout(changeTimer);
      modeler.destroy();
    },
  };
}

/** Saves `text` as a file named `fileName` through the browser's download. */
export function download(text, fileName) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
