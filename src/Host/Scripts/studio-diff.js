// Studio's visual diff: two versions side by side, each drawn by bpmn-js's NavigatedViewer, with the added (green),
// removed (red, dashed) and changed (amber) elements marked. bpmn-js-differ finds the changes of the BPMN model; our
// own properties (activity, inputs, deadline rule and anchor, condition, message) are compared as Studio shows them,
// since a change inside an event definition or an extension element is not an attribute of the element itself.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './studio-modeler.css';

import vpModdle from './studio/vp-moddle.json';
import { describe } from './studio/element-properties';
import { linkStylesheet } from './link-stylesheet';

const LABELS = {
  type: 'Typ',
  name: 'Namn',
  activityType: 'Aktivitet',
  inputs: 'Indata',
  timer: 'Tidsfrist',
  message: 'Meddelande',
  condition: 'Villkor',
  isExecutable: 'Körbar',
};

function text(value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  if (typeof value !== 'object') {
    return String(value);
  }
  if (value.$type) {
    return value.body ?? value.name ?? value.id ?? value.$type;
  }
  return Object.entries(value)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${text(v)}`)
    .join(', ');
}

function properties(viewer) {
  const byId = new Map();
  viewer.get('elementRegistry').forEach(element => {
    if (element.type !== 'label' && element.businessObject && element.businessObject.id) {
      byId.set(element.businessObject.id, { element, description: describe(element) });
    }
  });
  return byId;
}

function compare(before, after) {
  const attrs = [];
  for (const key of Object.keys(LABELS)) {
    const oldValue = text(before[key]);
    const newValue = text(after[key]);
    if (oldValue !== newValue) {
      attrs.push({ name: LABELS[key], oldValue, newValue });
    }
  }
  return attrs;
}

async function draw(container, xml, description) {
  const viewer = new NavigatedViewer({ container, moddleExtensions: { vp: vpModdle } });
  await viewer.importXML(xml);
  const svg = container.querySelector('svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', description);
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  return viewer;
}

function mark(viewer, ids, marker) {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  for (const id of ids) {
    if (registry.get(id)) {
      canvas.addMarker(id, marker);
    }
  }
}

/**
 * Draws `oldXml` into `oldContainer` and `newXml` into `newContainer`, marks the differences, and returns them:
 * { added, removed, changed, layoutChanged }, each a list of { id, type, name }, the changed ones with
 * attrs: [{ name, oldValue, newValue }], from the handle's changes(); its destroy() releases both viewers.
 */
export async function create(oldContainer, newContainer, oldXml, newXml, descriptions) {
  linkStylesheet('studio-diff.css', import.meta.url);
  const before = await draw(oldContainer, oldXml, descriptions.old);
  let after;
  try {
    after = await draw(newContainer, newXml, descriptions.new);
  } catch (e) {
    before.destroy();
    throw e;
  }

  const changes = diff(before.getDefinitions(), after.getDefinitions());
  const oldProps = properties(before);
  const newProps = properties(after);
  const summary = (id, source) => {
    const entry = source.get(id);
    const bo = entry ? entry.element.businessObject : null;
    return { id, type: bo ? bo.$type.replace('bpmn:', '') : '', name: bo ? bo.name || '' : '' };
  };

  const added = Object.keys(changes._added).filter(id => newProps.has(id));
  const removed = Object.keys(changes._removed).filter(id => oldProps.has(id));
  const changed = [];
  for (const [id, { description }] of newProps) {
    const old = oldProps.get(id);
    if (!old || added.includes(id)) {
      continue;
    }
    const ours = compare(old.description, description);
    const theirs = Object.entries((changes._changed[id] || {}).attrs || {})
      .filter(([name]) => !(name in LABELS) && !name.startsWith('extensionElements') && !name.startsWith('eventDefinitions'))
      .map(([name, { oldValue, newValue }]) => ({ name, oldValue: text(oldValue), newValue: text(newValue) }));
    if (ours.length + theirs.length > 0) {
      changed.push({ ...summary(id, newProps), attrs: [...ours, ...theirs] });
    }
  }
  const changedIds = changed.map(c => c.id);
  const layoutChanged = Object.keys(changes._layoutChanged).filter(id => newProps.has(id) && !changedIds.includes(id) && !added.includes(id));

  mark(after, added, 'vp-diff-added');
  mark(before, removed, 'vp-diff-removed');
  mark(before, changedIds, 'vp-diff-changed');
  mark(after, changedIds, 'vp-diff-changed');

  const found = {
    added: added.map(id => summary(id, newProps)),
    removed: removed.map(id => summary(id, oldProps)),
    changed,
    layoutChanged: layoutChanged.map(id => summary(id, newProps)),
  };
  return {
    changes: () => found,
    destroy() {
      before.destroy();
      after.destroy();
    },
  };
}
